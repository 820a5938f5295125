import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, storedEvidenceKeys, upload } from '../helpers/evidence';
import { hiddenFields } from '../helpers/html';
import { nodeBackends } from '../helpers/backends';
import { proofOfWork } from '../helpers/proof-of-work';
import { fixedClock, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';

const SCREENSHOT = { name: 'chat.png', bytes: fixture('screenshot.png'), type: 'image/png' };

/**
 * Cleaning a picture costs the server real work, so the intake's rules hold for files as for reports: a
 * proof of work and an hourly allowance per client (five posts with files for each report allowed; without
 * the proof of work a third). Here two reports an hour: ten uploads with the proof of work, four without.
 */
describe.each(nodeBackends())('uploads under the intake rules on %s', (backend) => {
  const clock = fixedClock('2026-11-02T10:00:00.000Z');
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      backend,
      clock,
      env: { CLIENT_REPORTS_PER_HOUR: '2', PROOF_OF_WORK_DIFFICULTY: '2', TRUSTED_PROXIES: '127.0.0.1' },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const staged = async () => (await storedEvidenceKeys(server)).length;

  it('takes ten uploads an hour with one solved proof of work, then says in German when to come back', async () => {
    const answer = await proofOfWork(server.url, 'upload');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await upload(server, [SCREENSHOT], undefined, { ...from('198.51.100.1'), 'x-altcha': answer })).status,
      );
    expect(statuses).toEqual(Array(10).fill(201));
    const before = await staged();
    const refused = await upload(server, [SCREENSHOT], undefined, { ...from('198.51.100.1'), 'x-altcha': answer });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('evidence.errors.too_many_uploads');
    expect(refused.json.error.message).toMatch(/höchstens eine Stunde/);
    expect(Number(refused.headers.get('retry-after'))).toBe(3600);
    // Nothing of the refused file was read or kept, and nobody else is affected.
    expect(await staged()).toBe(before);
    expect((await upload(server, [SCREENSHOT], undefined, from('198.51.100.2'))).status).toBe(201);
    // The reports' own allowance is apart: the person can still send their report.
    expect((await postJson(`${server.url}/api/reports`, validReport(), from('198.51.100.1'))).status).toBe(201);
    clock.advance(60 * 60_000 + 1000);
    expect((await upload(server, [SCREENSHOT], undefined, from('198.51.100.1'))).status).toBe(201);
  });

  it('takes a third without the proof of work', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await upload(server, [SCREENSHOT], undefined, from('198.51.100.3'))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });

  it('without JavaScript: a file over the allowance is named as refused, the typed text and earlier files stay', async () => {
    const address = from('198.51.100.4');
    const page = await fetch(`${server.url}/ar/report`).then((r) => r.text());
    const sendToken = hiddenFields(page, 'report-form').find(([name]) => name === 'sendToken')![1];
    const typed = 'كتب صاحب البيت في الإعلان: لا أجانب.';
    const post = async (token?: string) => {
      const form = new FormData();
      for (const [name, value] of [
        ['description', typed],
        ['municipality', 'stolberg'],
        ['lifeDomain', 'housing'],
        ['sendToken', sendToken],
        ...(token ? [['evidenceToken', token]] : []),
      ])
        form.append(name!, value!);
      form.append('evidence', new Blob([new Uint8Array(SCREENSHOT.bytes)]), SCREENSHOT.name);
      const res = await fetch(`${server.url}/ar/report/review`, { method: 'POST', body: form, headers: address });
      return { status: res.status, html: await res.text() };
    };
    let token: string | undefined;
    for (let i = 0; i < 4; i++) {
      const accepted = await post(token);
      expect(accepted.status).toBe(200);
      token = hiddenFields(accepted.html, 'review-form').find(([name]) => name === 'evidenceToken')?.[1] ?? token;
    }
    const refused = await post(token);
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('وصلت من هنا ملفات كثيرة في وقت قصير');
    expect(refused.html).toContain('chat.png');
    expect(refused.html).toContain(typed);
    // The four cleaned before are still with the form.
    expect(refused.html.match(/class="evidence-item"/g)).toHaveLength(4);
  });
});
