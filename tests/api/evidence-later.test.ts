import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../helpers/backends';
import { fixture, metadataLeaks } from '../helpers/evidence';
import { hiddenFields } from '../helpers/html';
import { postForm, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

async function postMultipart(url: string, fields: [string, string][], files: { name: string; bytes: Buffer }[] = []) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const f of files) form.append('evidence', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}

/**
 * The story of issue 15: the office asks a Turkish reporter for the flat advert as a screenshot, and the
 * reporter answers on the receipt page with the file (no JavaScript needed): it is cleaned and shown first,
 * sent with the next tap, and the office finds it on the report, marked as the reporter's, without metadata.
 */
describe.each(nodeBackends())('evidence added later on the receipt page on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('takes a screenshot in answer to the office, shows it first, then stores it with the report', async () => {
    const sent = await postJson(`${server.url}/api/reports`, validReport({ locale: 'tr' }));
    expect(sent.status).toBe(201);
    const receipt = sent.json.receipt as string;
    const caseworker = await signedInStaff(server, 'caseworker');
    const reportId = (await caseworker.get('/api/staff/reports')).json.rows[0].id;
    await caseworker.post(`/api/staff/reports/${reportId}/messages`, {
      body: 'Ilan hâlâ sizde mi, örneğin ekran görüntüsü olarak? Buradan cevap verebilirsiniz.',
    });

    const status = await postForm(`${server.url}/tr/receipt`, [['receipt', receipt]]);
    expect(status.status).toBe(200);
    const fields = hiddenFields(status.html, 'receipt-message');

    // The file is cleaned and shown; nothing is sent yet, and what was typed stays in the field.
    const chosen = await postMultipart(
      `${server.url}/tr/receipt/messages`,
      [...fields, ['body', 'İşte ilan.']],
      [{ name: 'Screenshot_Ayse.png', bytes: fixture('screenshot.png') }],
    );
    expect(chosen.status).toBe(200);
    expect(chosen.html).toContain('Lütfen aşağıdaki dosyalara bakın.');
    expect(chosen.html).toContain('İşte ilan.');
    expect(chosen.html).not.toContain('Screenshot_Ayse');
    expect((await caseworker.get(`/api/staff/reports/${reportId}/evidence`)).json.files).toEqual([]);

    const again = hiddenFields(chosen.html, 'receipt-message');
    expect(again.some(([name]) => name === 'evidenceToken')).toBe(true);
    const added = await postMultipart(`${server.url}/tr/receipt/messages`, [...again, ['body', 'İşte ilan.']]);
    expect(added.status).toBe(200);
    expect(added.html).toContain('Ekipteki dosyalar: 1');

    // A reload of that post (the same one-time token) adds nothing more.
    await postMultipart(`${server.url}/tr/receipt/messages`, [...again, ['body', 'İşte ilan.']]);
    const listed = await caseworker.get(`/api/staff/reports/${reportId}/evidence`);
    expect(listed.json.files).toHaveLength(1);
    expect(listed.json.files[0]).toMatchObject({ kind: 'png', source: 'reporter' });
    const file = await fetch(`${server.url}/api/staff/evidence/${listed.json.files[0].id}`, {
      headers: { cookie: caseworker.cookie },
    });
    expect(await metadataLeaks(Buffer.from(await file.arrayBuffer()))).toEqual([]);
  });

  it('takes a file without any words, and refuses a wrong one in Turkish without losing the words', async () => {
    const receipt = (await postJson(`${server.url}/api/reports`, validReport({ locale: 'tr' }))).json.receipt;
    const fields = hiddenFields(
      (await postForm(`${server.url}/tr/receipt`, [['receipt', receipt]])).html,
      'receipt-message',
    );
    const refused = await postMultipart(
      `${server.url}/tr/receipt/messages`,
      [...fields, ['body', 'Mektup ekte.']],
      [{ name: 'letter.svg', bytes: fixture('drawing.svg') }],
    );
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('letter.svg');
    expect(refused.html).toContain('Bu tür dosyaları kabul edemiyoruz');
    expect(refused.html).toContain('Mektup ekte.');

    const chosen = await postMultipart(
      `${server.url}/tr/receipt/messages`,
      [...fields, ['body', '']],
      [{ name: 'photo.jpg', bytes: fixture('phone-photo.jpg') }],
    );
    const added = await postMultipart(`${server.url}/tr/receipt/messages`, [
      ...hiddenFields(chosen.html, 'receipt-message'),
      ['body', ''],
    ]);
    expect(added.status).toBe(200);
    expect(added.html).toContain('Ekipteki dosyalar: 1');
  });

  it('lets the inbox show only reports with files, and says how many each has', async () => {
    await postJson(`${server.url}/api/reports`, validReport({ locale: 'tr' }));
    const caseworker = await signedInStaff(server, 'caseworker');
    const all = (await caseworker.get('/api/staff/reports')).json.rows as { id: number; evidence: number }[];
    expect(all.map((r) => r.evidence)).toEqual([0, 1, 1]);
    const filtered = await caseworker.get('/api/staff/reports?evidence=1');
    expect(filtered.json.rows.map((r: { id: number }) => r.id)).toEqual(all.slice(1).map((r) => r.id));
    const page = await caseworker.get('/staff/inbox?evidence=1');
    expect(page.text).toContain('mit Belegen (Dateien)');
    expect(page.text).toContain('Dateien: 1');
  });

  it('takes a letter brought to the office with the report a caseworker enters, and refuses a bad file without losing the entry', async () => {
    const caseworker = await signedInStaff(server, 'caseworker');
    const entry = async (files: { name: string; bytes: Buffer }[], extra: [string, string][] = []) => {
      const form = new FormData();
      for (const [name, value] of [
        ['_csrf', caseworker.csrfToken],
        ['receivedVia', 'in_person'],
        ['locale', 'de'],
        ['description', 'Brief der Hausverwaltung: Absage wegen des Namens. Frau K. brachte ihn vorbei.'],
        ['grounds', 'racism'],
        ['consent', 'on'],
        ...extra,
      ])
        form.append(name!, value!);
      for (const f of files) form.append('evidence', new Blob([new Uint8Array(f.bytes)]), f.name);
      const res = await fetch(`${server.url}/staff/reports/new`, {
        method: 'POST',
        body: form,
        headers: { cookie: caseworker.cookie },
      });
      return { status: res.status, html: await res.text() };
    };
    const reportsBefore = (await caseworker.get('/api/staff/reports')).json.total;

    const refused = await entry([
      { name: 'scan.pdf', bytes: fixture('letter.pdf') },
      { name: 'broken.jpg', bytes: fixture('truncated.jpg') },
    ]);
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('broken.jpg');
    expect(refused.html).toContain('Die Datei ist beschädigt oder unvollständig');
    expect(refused.html).toContain('Brief der Hausverwaltung: Absage wegen des Namens.');
    expect((await caseworker.get('/api/staff/reports')).json.total).toBe(reportsBefore);

    // Sent again as corrected: the cleaned letter waits under the form's token and goes with the report.
    const token = hiddenFields(refused.html, 'report-entry').find(([name]) => name === 'evidenceToken')![1];
    const saved = await entry([], [['evidenceToken', token]]);
    expect(saved.status).toBe(201);
    const rows = (await caseworker.get('/api/staff/reports')).json.rows;
    const files = (await caseworker.get(`/api/staff/reports/${rows[0].id}/evidence`)).json.files;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ kind: 'pdf', source: 'staff', pages: 1 });
    const pdf = await fetch(`${server.url}/api/staff/evidence/${files[0].id}`, {
      headers: { cookie: caseworker.cookie },
    });
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(await metadataLeaks(Buffer.from(await pdf.arrayBuffer()))).toEqual([]);
  });
});
