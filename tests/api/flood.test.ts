import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../shared/assistant-draft';
import { nodeBackends } from '../helpers/backends';
import { proofOfWork } from '../helpers/proof-of-work';
import { fixedClock, postForm, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

/**
 * A flood of reports (one client stored 1 000 reports of 24 KB in 3.7 s) buries the inbox and bends the
 * statistics. Per client: a proof of work and an hourly allowance; for all together: a soft limit that
 * flags, never refuses. The allowances here are the defaults (10 reports an hour with the proof of work).
 */
describe.each(nodeBackends())('a flood of reports on %s', (backend) => {
  const clock = fixedClock('2026-11-02T10:00:00.000Z');
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      backend,
      clock,
      env: {
        CLIENT_REPORTS_PER_HOUR: '10',
        PROOF_OF_WORK_DIFFICULTY: '2',
        FLOOD_SOFT_LIMIT: '40',
        TRUSTED_PROXIES: '127.0.0.1',
        LLM_ENABLED: 'false',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const send = (address: string, headers: Record<string, string> = {}, body = validReport()) =>
    postJson(`${server.url}/api/reports`, body, { ...from(address), ...headers });
  const flagsOfLast = async (n: number) =>
    (await server.database.db.selectFrom('reports').select('flag').orderBy('id', 'desc').limit(n).execute())
      .map((r) => r.flag)
      .reverse();

  it('stores ten reports an hour from one client with the proof of work, then says when to come back', async () => {
    for (let i = 0; i < 10; i++) expect((await send('198.51.100.1')).status).toBe(201);
    const refused = await send('198.51.100.1', {}, validReport({ description: 'Die elfte Meldung.' }));
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('errors.too_many_reports');
    expect(refused.json.error.message).toMatch(/Stunde/);
    expect(Number(refused.headers.get('retry-after'))).toBe(3600);
    // Not stored, and nobody else is affected.
    expect(await flagsOfLast(10)).toEqual(Array(10).fill(null));
    expect((await send('198.51.100.2')).status).toBe(201);
    // The window slides: the oldest report leaves it after an hour.
    clock.advance(60 * 60_000 + 1000);
    expect((await send('198.51.100.1')).status).toBe(201);
  });

  it('takes fewer without the proof of work, and marks them as not verified', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await send('198.51.100.3', { 'x-altcha': '' })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(await flagsOfLast(4)).toEqual(Array(4).fill('unverified'));
  });

  it('lets the form without JavaScript send within the same lower allowance, marked as not verified', async () => {
    const form = (address: string) =>
      fetch(`${server.url}/de/report/send`, {
        method: 'POST',
        headers: from(address),
        body: new URLSearchParams([
          ['description', 'Ohne JavaScript, im Bus.'],
          ['consent', 'on'],
        ]),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await form('198.51.100.4')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(await (await form('198.51.100.4')).text()).toContain('höchstens eine Stunde');
    expect(await flagsOfLast(4)).toEqual(Array(4).fill('unverified'));
  });

  it('takes each answer once: a replayed one counts as none', async () => {
    const answer = await proofOfWork(server.url, 'report');
    expect((await send('198.51.100.5', { 'x-altcha': answer })).status).toBe(201);
    expect((await send('198.51.100.6', { 'x-altcha': answer })).status).toBe(201);
    expect(await flagsOfLast(2)).toEqual([null, 'unverified']);
  });

  it('flags reports past the day’s soft limit as a possible flood, refuses none, and keeps them out of the statistics', async () => {
    clock.set('2026-11-05T08:00:00.000Z');
    const admin = await signedInStaff(server, 'admin', undefined, clock);
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await send(`203.0.113.${i + 1}`)).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const flags = await flagsOfLast(45);
    expect(flags.slice(0, 40)).toEqual(Array(40).fill(null));
    expect(flags.slice(40)).toEqual(Array(5).fill('flood'));
    // A report entered by staff is never a flood.
    const { channel: _, ...fields } = validReport() as Record<string, unknown>;
    const entered = await admin.post('/api/staff/reports', { ...fields, receivedVia: 'phone' });
    expect(entered.status).toBe(201);
    expect(await flagsOfLast(1)).toEqual([null]);

    const stats = (await admin.get('/api/staff/statistics?from=2026-11-05&to=2026-11-05&exact=1')).json;
    expect(stats.reports.current.value).toBe(41);
  });

  it('limits a reporter’s messages per client, more tightly without the proof of work', async () => {
    const { receipt } = (await send('198.51.100.7')).json;
    const message = (headers: Record<string, string>) =>
      postJson(
        `${server.url}/api/receipt/messages`,
        { receipt, body: 'Noch etwas.', locale: 'de' },
        { ...from('198.51.100.7'), ...headers },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await message({ 'x-altcha': '' })).status);
    expect(statuses).toEqual([...Array(7).fill(201), 429]);
    expect((await message({})).status).toBe(201);
    expect((await message({ 'x-altcha': '' })).json.error.code).toBe('errors.too_many_messages');
  });

  it('makes a challenge only as often as a client can use one', async () => {
    const ask = () => fetch(`${server.url}/api/challenge/report`, { headers: from('198.51.100.9') });
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await ask()).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
    expect((await fetch(`${server.url}/api/challenge/report`, { headers: from('198.51.100.10') })).status).toBe(200);
  });

  it('limits the assistant’s turns per client, with a larger allowance for a solved conversation', async () => {
    const turn = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/assistant/turn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from('198.51.100.8'), ...headers },
        body: JSON.stringify({
          locale: 'de',
          mode: 'scripted',
          messages: [{ role: 'user', content: 'Im Bus wurde ich beleidigt.' }],
          draft: emptyDraft,
          skipped: [],
          asking: 'description',
          action: { type: 'say' },
        }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      const res = await turn({});
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    const refused = await turn({});
    expect((await refused.json()).error.message).toMatch(/Pause/);
    const solved = await proofOfWork(server.url, 'conversation');
    const accepted = await turn({ 'x-altcha': solved });
    expect(accepted.status).toBe(200);
    await accepted.body?.cancel();
  });
});
