import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { fixture, upload, storedEvidenceKeys } from '../helpers/evidence';
import { hiddenFields } from '../helpers/html';
import { startTestServer, type TestServer } from '../helpers/server';

/** A post of the report form as a browser without JavaScript sends it: text fields and files in one multipart body. */
async function postMultipart(url: string, fields: [string, string][], files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const f of files) form.append('evidence', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}

/** A file that starts like a JPEG and is larger than the limit of 1 MB set below. */
const oversized = Buffer.concat([fixture('phone-photo.jpg'), Buffer.alloc(1_200_000, 7)]);

/**
 * Bad files get a sentence in the person's language beside the file's name, never a 500; what they typed
 * comes back in the form, the good files they chose stay chosen, and nothing of a refused file is kept.
 */
describe.each(testBackends())('refused files on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend, env: { EVIDENCE_MAX_FILE_MB: '1', EVIDENCE_MAX_FILES: '3' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const storedKeys = () => storedEvidenceKeys(server);

  const typed = 'Ev sahibi ilanında "yabancı istemiyoruz" yazıyordu. Ekran görüntüsü ekte.';

  async function formFields(locale: string): Promise<[string, string][]> {
    const form = await fetch(`${server.url}/${locale}/report`).then((r) => r.text());
    const sendToken = hiddenFields(form, 'report-form').find(([name]) => name === 'sendToken')![1];
    return [
      ['description', typed],
      ['municipality', 'stolberg'],
      ['lifeDomain', 'authorities'],
      ['sendToken', sendToken],
    ];
  }

  it('says in Turkish what is wrong with each file, keeps the text and the good picture, stores nothing else', async () => {
    const fields = await formFields('tr');
    const bad = [
      'not-a-picture.jpg',
      'drawing.svg',
      'animation.gif',
      'truncated.jpg',
      'bomb.png',
      'polyglot-html.png',
      'polyglot-zip.jpg',
      'polyglot-pdf.jpg',
    ].map((name) => ({ name, bytes: fixture(name) }));
    const page = await postMultipart(`${server.url}/tr/report/review`, fields, [
      ...bad,
      { name: 'large-photo.jpg', bytes: oversized },
      { name: 'flat-advert.jpg', bytes: fixture('phone-photo.jpg') },
    ]);
    expect(page.status).toBe(422);
    // Each refused file by the name the phone gave it, with the reason in plain Turkish.
    for (const name of [...bad.map((b) => b.name), 'large-photo.jpg']) expect(page.html).toContain(name);
    expect(page.html).toContain('Bu tür dosyaları kabul edemiyoruz');
    expect(page.html).toContain('Dosya bozuk veya eksik, açılamıyor.');
    expect(page.html).toContain('Resim açılamayacak kadar büyük.');
    expect(page.html).toContain('Bu dosyanın içinde başka bir dosya gizli.');
    expect(page.html).toContain('Dosya 1 MB’tan büyük.');
    // What was typed is in the form again; the good picture is cleaned and waits under the form's token.
    expect(page.html).toContain('Ev sahibi ilanında &quot;yabancı istemiyoruz&quot; yazıyordu.');
    const again = hiddenFields(page.html, 'report-form');
    const token = again.find(([name]) => name === 'evidenceToken')?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(page.html).not.toContain('flat-advert.jpg');

    // Nothing of a refused file was kept: the store holds the one cleaned picture (and its description).
    const staged = await upload(server, [], token);
    expect(staged.status).toBe(422);
    const listed = await fetch(`${server.url}/tr/report/review`, {
      method: 'POST',
      body: new URLSearchParams([...fields, ['evidenceToken', token!]]),
    });
    expect(listed.status).toBe(200);
    const review = await listed.text();
    expect(new Set(review.match(/data:image\/jpeg;base64,[A-Za-z0-9+/=]{40}/g))).toHaveProperty('size', 1);
    // The store's own files are checked where the test can reach them (not inside workerd).
    if (backend !== 'worker') expect(await storedKeys()).toHaveLength(2);
  });

  it('answers the upload API with 422 and a reason per file, in the order chosen', async () => {
    const res = await upload(server, [
      { name: 'a.svg', bytes: fixture('drawing.svg') },
      { name: 'b.jpg', bytes: fixture('truncated.jpg') },
    ]);
    expect(res.status).toBe(422);
    expect(res.json.files).toEqual([]);
    expect(res.json.refused).toEqual([
      { name: 'a.svg', reason: 'wrong_type' },
      { name: 'b.jpg', reason: 'damaged' },
    ]);
  });

  it('refuses more files than allowed one by one, keeping the first ones', async () => {
    const photo = { name: 'p.jpg', bytes: fixture('phone-photo.jpg') };
    const res = await upload(server, [photo, photo, photo, photo]);
    expect(res.status).toBe(201);
    expect(res.json.files).toHaveLength(3);
    expect(res.json.refused).toEqual([{ name: 'p.jpg', reason: 'too_many' }]);
  });

  it('refuses a post larger than every file at its limit unread, with a 413 in Arabic', async () => {
    const fields = await formFields('ar');
    const huge = Buffer.alloc(3 * 1_000_000 + 600 * 1024, 1);
    const page = await postMultipart(`${server.url}/ar/report/review`, fields, [{ name: 'huge.jpg', bytes: huge }]);
    expect(page.status).toBe(413);
    expect(page.html).toContain('dir="rtl"');
    expect(page.html).toContain('مجموع حجم الملفات كبير جداً. يُرجى الرجوع واختيار ملفات أقل عدداً أو أصغر حجماً.');
  });
});
