import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, validReport } from '../helpers/server';
import { STAFF_PASSWORD, StaffClient } from '../helpers/staff';
import { startWorker, type WorkerServer } from '../helpers/worker';

// The back office on Cloudflare Workers + D1, through HTTP only: the first admin from the Worker's log,
// full-text search on D1's FTS5, coding, a reply the reporter reads, and the portable argon2id.
describe.runIf(process.env.TEST_WORKER === '1')('the back office on the Worker', () => {
  let worker: WorkerServer;
  beforeAll(async () => {
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.close();
  });

  it('goes from the first admin to a reply the reporter reads with the receipt', async () => {
    const firstAdmin = () => /First admin: user "(admin-[a-z0-9]{6})", one-time password (\S+),/.exec(worker.output());
    await expect.poll(firstAdmin).not.toBeNull();
    const [, name, password] = firstAdmin()!;
    const admin = new StaffClient(worker.url);
    expect((await admin.login(name!, password!)).status).toBe(200);
    const changed = await admin.post('/api/staff/password', {
      current: password,
      next: STAFF_PASSWORD,
      confirm: STAFF_PASSWORD,
    });
    expect(changed.status).toBe(200);

    const created = await postJson(
      `${worker.url}/api/reports`,
      validReport({
        description: 'In der Straßenbahn nach Würselen wurde meine Tochter beleidigt.',
        lifeDomain: 'public_transport',
      }),
    );
    expect(created.status).toBe(201);

    const byUmlaut = await admin.get(`/api/staff/reports?q=${encodeURIComponent('Straßenbahn')}`);
    expect(byUmlaut.status).toBe(200);
    expect(byUmlaut.json.rows).toHaveLength(1);
    const id: number = byUmlaut.json.rows[0].id;

    const coded = await admin.post(`/api/staff/reports/${id}/coding`, {
      grounds: ['racism'],
      racismForms: ['anti_black'],
      incidentForms: ['insult_harassment'],
      lifeDomain: 'public_transport',
      reporterRole: 'relative_friend',
    });
    expect(coded.status).toBe(200);
    expect((await admin.get('/api/staff/reports?racismForm=anti_black')).json.total).toBe(1);

    expect(
      (await admin.post(`/api/staff/reports/${id}/messages`, { body: 'Danke für Ihre Meldung. Wir melden uns.' }))
        .status,
    ).toBe(201);
    const status = await postJson(`${worker.url}/api/receipt`, { receipt: created.json.receipt });
    expect(status.json.messages.map((m: { author: string; body: string }) => [m.author, m.body])).toEqual([
      ['office', 'Danke für Ihre Meldung. Wir melden uns.'],
    ]);
  });
});
