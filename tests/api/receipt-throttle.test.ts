import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';

/**
 * Behind the reverse proxy the README recommends, every request comes from the proxy's address; the proxy
 * names the client in X-Forwarded-For. Wrong receipt codes must slow down the client who sends them, never
 * the reporters beside it, and never a withdrawal with a correct code.
 */
describe.each(testBackends())('wrong receipt codes on %s', (backend) => {
  let server: TestServer;
  let receipt: string;
  beforeAll(async () => {
    server = await startTestServer({ backend, env: backend === 'worker' ? {} : { TRUSTED_PROXIES: '127.0.0.1,::1' } });
    receipt = (await postJson(`${server.url}/api/reports`, validReport())).json.receipt;
  });
  afterAll(async () => {
    await server?.close();
  });

  // On the Worker, Cloudflare names the client (CF-Connecting-IP); behind our proxy, X-Forwarded-For.
  const from = (address: string): Record<string, string> =>
    backend === 'worker' ? { 'cf-connecting-ip': address } : { 'x-forwarded-for': `${address}, 127.0.0.1` };
  const lookUp = (code: string, address: string) =>
    postJson(`${server.url}/api/receipt`, { receipt: code }, from(address));
  const wrong = (i: number) => `ZZZZ-ZZZZ-ZZZZ-${String(i).padStart(4, '0')}`;

  it('slows down the client that guesses, and no one else', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await lookUp(wrong(i), '198.51.100.7')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
    const blocked = await lookUp(receipt, '198.51.100.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.json.error.message).toMatch(/wait|warten/i);
    // A reporter beside the guesser (another address behind the same proxy) is not affected.
    expect((await lookUp(receipt, '198.51.100.8')).status).toBe(200);
  });

  it('has no switch that a crowd of addresses can flip against every reporter', async () => {
    // The old global brake: 1 000 wrong codes in 15 minutes, from ~120 addresses, refused correct codes too.
    const crowd = Array.from({ length: 360 }, (_, i) => `203.0.${113 + (i >> 8)}.${i & 255}`);
    for (let round = 0; round < 3; round++)
      await Promise.all(crowd.map((address, i) => lookUp(wrong(round * 1000 + i), address)));
    expect((await lookUp(receipt, '192.0.2.44')).status).toBe(200);
    const message = await postJson(
      `${server.url}/api/receipt/messages`,
      { receipt, body: 'Noch eine Ergänzung.', locale: 'de' },
      from('192.0.2.44'),
    );
    expect(message.status).toBe(201);
    // Just over a thousand requests, the least that would have flipped the old brake: time for them on a busy Worker.
  }, 90_000);

  it('never refuses a withdrawal with the correct code, even from a client that is being slowed down', async () => {
    const own = (await postJson(`${server.url}/api/reports`, validReport())).json.receipt;
    for (let i = 0; i < 12; i++) await lookUp(wrong(50_000 + i), '198.51.100.99');
    expect((await lookUp(own, '198.51.100.99')).status).toBe(429);
    const wrongWithdrawal = await postJson(
      `${server.url}/api/receipt/withdraw`,
      { receipt: wrong(60_000), confirm: true },
      from('198.51.100.99'),
    );
    expect(wrongWithdrawal.status).toBe(429);
    const withdrawn = await postJson(
      `${server.url}/api/receipt/withdraw`,
      { receipt: own, confirm: true },
      from('198.51.100.99'),
    );
    expect(withdrawn.status).toBe(200);
    expect((await lookUp(own, '192.0.2.45')).status).toBe(404);
  });

  it.skipIf(backend === 'worker')('believes X-Forwarded-For only from a trusted proxy', async () => {
    // Without TRUSTED_PROXIES a client cannot escape its own limit by writing another address into the header.
    const direct = await startTestServer({ backend });
    try {
      for (let i = 0; i < 10; i++)
        await postJson(`${direct.url}/api/receipt`, { receipt: wrong(i) }, { 'x-forwarded-for': `198.51.100.${i}` });
      const next = await postJson(
        `${direct.url}/api/receipt`,
        { receipt: wrong(99) },
        { 'x-forwarded-for': '192.0.2.1' },
      );
      expect(next.status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
