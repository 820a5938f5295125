import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { DIRTY_FILES, fixture, metadataLeaks, sendReport, upload } from '../helpers/evidence';
import { postJson, startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff, StaffClient } from '../helpers/staff';

/** Every byte under a folder (the data folder: the SQLite file, its WAL, the evidence folder; or workerd's D1 and R2). */
function bytesUnder(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) parts.push(fs.readFileSync(full));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

/** Pieces of a sealed file, from its middle: random-looking bytes that appear nowhere by chance. */
function piecesOf(sealed: Buffer): Buffer[] {
  const at = (f: number) => Math.floor(sealed.length * f);
  return [0.25, 0.5, 0.75].map((f) => sealed.subarray(at(f), at(f) + 32));
}

/**
 * The promise of issue 15 from end to end, on every backend: a phone photo full of GPS and names is uploaded,
 * stored sealed (no byte of the picture in the clear anywhere), shown to a caseworker with a session and the
 * casework role only (and audited), covered in part (the original gone), and withdrawn with every byte.
 */
describe.each(testBackends())('evidence from upload to withdrawal on %s', (backend) => {
  let server: TestServer;
  let caseworker: StaffClient;
  beforeAll(async () => {
    server = await startTestServer({ backend });
    caseworker = await signedInStaff(server, 'caseworker');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  /** The sealed bytes of every stored file, straight from the store's own place. */
  async function storedBlobs(): Promise<Map<string, Buffer>> {
    if (backend === 'postgres') {
      const rows = await server.database.db.selectFrom('evidence_blobs').select(['key', 'sealed']).execute();
      return new Map(rows.map((r) => [r.key, Buffer.from(r.sealed)]));
    }
    const root = backend === 'sqlite' ? path.join(server.dataDir, 'evidence') : server.dataDir;
    const found = new Map<string, Buffer>();
    if (backend === 'sqlite') {
      const walk = (at: string) => {
        for (const e of fs.readdirSync(at, { withFileTypes: true })) {
          const full = path.join(at, e.name);
          if (e.isDirectory()) walk(full);
          else found.set(path.relative(root, full), fs.readFileSync(full));
        }
      };
      if (fs.existsSync(root)) walk(root);
    } else {
      // workerd keeps R2 objects as blobs under the persist folder; the largest are the pictures.
      const walk = (at: string) => {
        for (const e of fs.readdirSync(at, { withFileTypes: true })) {
          const full = path.join(at, e.name);
          if (e.isDirectory()) walk(full);
          else if (full.includes(`${path.sep}blobs${path.sep}`)) found.set(full, fs.readFileSync(full));
        }
      };
      walk(root);
    }
    return found;
  }

  it('keeps nothing but the picture, sealed; shows it to casework only; covers it; withdrawal deletes every byte', async () => {
    const photo = fixture('phone-photo.jpg');
    const staged = await upload(server, [{ name: 'IMG_20261012_Ayse.jpg', bytes: photo, type: 'image/jpeg' }]);
    expect(staged.status).toBe(201);
    expect(staged.json.refused).toEqual([]);
    expect(staged.json.files).toHaveLength(1);
    expect(staged.json.files[0].thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(JSON.stringify(staged.json)).not.toContain('Ayse');

    const receipt = await sendReport(server, staged.json.token);

    // The caseworker finds the report and its file; nothing of the upload's name.
    const inbox = await caseworker.get('/api/staff/reports');
    const reportId = inbox.json.rows[0].id as number;
    const listed = await caseworker.get(`/api/staff/reports/${reportId}/evidence`);
    expect(listed.status).toBe(200);
    expect(listed.json.files).toHaveLength(1);
    const file = listed.json.files[0];
    expect(file).toMatchObject({ kind: 'jpeg', source: 'report', coveredOn: null });
    expect(JSON.stringify(listed.json)).not.toMatch(/IMG_|Ayse/);

    // No session, or a role without casework: nothing of the file.
    const anonymous = await fetch(`${server.url}/api/staff/evidence/${file.id}`);
    expect(anonymous.status).toBe(401);
    expect(Buffer.from(await anonymous.arrayBuffer()).subarray(0, 2)).not.toEqual(Buffer.from([0xff, 0xd8]));
    const analyst = await signedInStaff(server, 'analyst');
    expect((await analyst.get(`/api/staff/evidence/${file.id}`)).status).toBe(403);
    expect((await analyst.get(`/api/staff/reports/${reportId}/evidence`)).status).toBe(403);

    // The caseworker gets the cleaned picture: inline (a re-encoded image), sandboxed, nothing of the phone in it.
    const shown = await fetch(`${server.url}/api/staff/evidence/${file.id}`, {
      headers: { cookie: caseworker.cookie },
    });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/jpeg');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline; filename="beleg-[a-f0-9]{8}\.jpg"$/);
    expect(shown.headers.get('content-security-policy')).toContain('sandbox');
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    const clean = Buffer.from(await shown.arrayBuffer());
    expect(await metadataLeaks(clean)).toEqual([]);
    const { width, height } = await sharp(clean).metadata();
    expect([width, height]).toEqual([file.width, file.height]);

    // Stored sealed: the store holds the file, but not one piece of the picture in the clear.
    const sealedBefore = await storedBlobs();
    expect(sealedBefore.size).toBeGreaterThanOrEqual(2);
    const plain = [clean.subarray(200, 232), clean.subarray(clean.length - 300, clean.length - 268)];
    for (const [, sealed] of sealedBefore) for (const piece of plain) expect(sealed.includes(piece)).toBe(false);

    // Covering an area makes a new picture with black there; the original is deleted.
    const covered = await caseworker.post(`/api/staff/evidence/${file.id}/cover`, {
      areas: [{ x: 0, y: 0, width: Math.ceil(file.width / 2), height: Math.ceil(file.height / 2) }],
    });
    expect(covered.status).toBe(201);
    expect(covered.json.file.id).not.toBe(file.id);
    expect(covered.json.file.coveredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await caseworker.get(`/api/staff/evidence/${file.id}`)).status).toBe(404);
    const after = await fetch(`${server.url}/api/staff/evidence/${covered.json.file.id}`, {
      headers: { cookie: caseworker.cookie },
    });
    const coveredBytes = Buffer.from(await after.arrayBuffer());
    const pixel = await sharp(coveredBytes).extract({ left: 2, top: 2, width: 1, height: 1 }).raw().toBuffer();
    expect(Math.max(...pixel)).toBeLessThan(16);
    expect(await metadataLeaks(coveredBytes)).toEqual([]);
    const sealedNow = await storedBlobs();
    for (const [key, sealed] of sealedBefore)
      if (!key.includes('staging'))
        expect(
          [...sealedNow.values()].some((s) => s.equals(sealed)),
          key,
        ).toBe(false);

    // The report screen shows the file as a small picture, and covers and deletes it with plain forms.
    const screen = await caseworker.get(`/staff/reports/${reportId}`);
    expect(screen.status).toBe(200);
    expect(screen.text).toContain(`/api/staff/evidence/${covered.json.file.id}?thumbnail=1`);
    expect(screen.text).toContain('Bereinigt gespeichert');
    const formCovered = await caseworker.request('POST', `/staff/evidence/${covered.json.file.id}/cover`, {
      form: [
        ['_csrf', caseworker.csrfToken],
        ['x', '0'],
        ['y', '0'],
        ['width', '4'],
        ['height', '4'],
      ],
    });
    expect(formCovered.status).toBe(303);
    expect(formCovered.headers.get('location')).toBe(`/staff/reports/${reportId}?notice=notices.evidence_covered`);
    const [latest] = (await caseworker.get(`/api/staff/reports/${reportId}/evidence`)).json.files;
    expect(latest.id).not.toBe(covered.json.file.id);

    // Every view and change was audited, with ids only.
    if (backend !== 'worker') {
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('action', 'like', 'evidence.%')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'evidence.view',
        'evidence.cover',
        'evidence.view',
        'evidence.cover',
      ]);
      expect(audit.map((a) => a.detail).join()).not.toMatch(/Ayse|IMG_/);
    }

    // Withdrawal: rows and bytes go; not a piece of any sealed file is left in the database, its WAL or the folder.
    const every = [...(await storedBlobs()).values()];
    const withdrawn = await postJson(`${server.url}/api/receipt/withdraw`, { receipt, confirm: true });
    expect(withdrawn.status).toBe(200);
    expect((await caseworker.get(`/api/staff/evidence/${latest.id}`)).status).toBe(404);
    const remaining = await storedBlobs();
    expect([...remaining.keys()].filter((k) => k.includes('files'))).toEqual([]);
    if (backend === 'postgres') {
      expect(remaining.size).toBe(0);
    } else {
      const everything = bytesUnder(server.dataDir);
      for (const sealed of every) for (const piece of piecesOf(sealed)) expect(everything.includes(piece)).toBe(false);
    }
    if (backend !== 'worker') {
      const rows = await server.database.db.selectFrom('report_evidence').selectAll().execute();
      expect(rows).toEqual([]);
    }
  }, 120_000);

  it('keeps none of the GPS, names, comments and thumbnails of phone, screenshot, WebP and PDF', async () => {
    const staged = await upload(
      server,
      DIRTY_FILES.map((name) => ({ name, bytes: fixture(name) })),
    );
    expect(staged.status).toBe(201);
    // The Worker cleans JPEG and PNG in JavaScript and says so for the rest; Node cleans all four.
    const taken = backend === 'worker' ? ['jpeg', 'png'] : ['jpeg', 'png', 'webp', 'pdf'];
    expect(staged.json.refused).toEqual(
      backend === 'worker'
        ? [
            { name: 'picture-with-xmp.webp', reason: 'kind_not_here' },
            { name: 'letter.pdf', reason: 'kind_not_here' },
          ]
        : [],
    );
    expect(staged.json.files.map((f: { kind: string }) => f.kind)).toEqual(taken);
    // The fixtures do carry what must go: the check below would see it.
    for (const name of DIRTY_FILES) expect((await metadataLeaks(fixture(name))).length, name).toBeGreaterThan(0);

    await sendReport(server, staged.json.token);
    const inbox = await caseworker.get('/api/staff/reports');
    const listed = await caseworker.get(`/api/staff/reports/${inbox.json.rows[0].id}/evidence`);
    expect(listed.json.files).toHaveLength(taken.length);
    for (const file of listed.json.files) {
      for (const which of ['', '?thumbnail=1']) {
        const res = await fetch(`${server.url}/api/staff/evidence/${file.id}${which}`, {
          headers: { cookie: caseworker.cookie },
        });
        expect(res.status).toBe(200);
        if (file.kind === 'pdf' && !which) expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
        expect(await metadataLeaks(Buffer.from(await res.arrayBuffer())), `${file.kind}${which}`).toEqual([]);
      }
    }
  }, 120_000);
});
