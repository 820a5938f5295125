import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { concretePath, routesOf } from '../helpers/routes';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';

/**
 * Every route of the app, public and staff, with and without a session, gets hostile requests: broken and
 * mistyped bodies, wrong media types, odd parameters and headers. Whatever comes, the answer is never a
 * 5xx. The routes are read from the app itself, so a new route is fuzzed without anyone adding it here.
 */
const SEED = 20261102;

/** Values for path parameters: real ids, impossible ones, and every locale form. */
const PARAMS: Record<string, string[]> = {
  locale: ['de', 'ar', 'de-LS', 'xx'],
  purpose: ['report', 'conversation'],
};
const idValues = (realId: number) => [String(realId), '0', '99999999999999999999999', '1'.repeat(300)];

interface Probe {
  label: string;
  query?: string;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** Hostile bodies, queries and headers; the same every run (a fixed seed). */
function probes(): Probe[] {
  const json = fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 6, seed: SEED }).map((v) => JSON.stringify(v));
  const words = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 6, seed: SEED + 1 });
  const fieldNames = [
    'description',
    'receipt',
    'body',
    'consent',
    'confirm',
    'username',
    'password',
    'status',
    'reason',
    'grounds',
    'q',
    'locale',
    'altcha',
    'pending',
    'code',
    '_csrf',
    'next',
    'role',
    'year',
    'passage',
  ];
  const form = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
  const broken = '--b\r\nContent-Disposition: form-data; name="description"\r\n\r\ncut off';
  const filePart =
    '--b\r\nContent-Disposition: form-data; name="description"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n';
  return [
    { label: 'nothing' },
    { label: 'empty JSON object', contentType: 'application/json', body: '{}' },
    { label: 'truncated JSON', contentType: 'application/json', body: '{"description": "x", ' },
    {
      label: 'JSON of the wrong shape',
      contentType: 'application/json',
      body: '[null, 1, "a", {"__proto__": {"x": 1}}]',
    },
    ...json.map((body, i) => ({ label: `random JSON ${i}`, contentType: 'application/json', body })),
    { label: 'a valid report as JSON', contentType: 'application/json', body: JSON.stringify(validReport()) },
    {
      label: 'form with every field empty',
      contentType: 'application/x-www-form-urlencoded',
      body: form(fieldNames.map((f) => [f, ''])),
    },
    {
      label: 'form with odd values',
      contentType: 'application/x-www-form-urlencoded',
      body: form(
        fieldNames.flatMap((f, i) => [
          [f, words[i % words.length]!],
          [f, 'x'.repeat(3000)],
        ]),
      ),
    },
    {
      label: 'form with bad percent-encoding',
      contentType: 'application/x-www-form-urlencoded',
      body: 'description=%E0%A4%A&consent=%',
    },
    { label: 'multipart without boundary', contentType: 'multipart/form-data', body: broken },
    { label: 'multipart cut off', contentType: 'multipart/form-data; boundary=b', body: broken },
    { label: 'multipart with a file', contentType: 'multipart/form-data; boundary=b', body: filePart },
    { label: 'text/plain', contentType: 'text/plain', body: 'hello' },
    { label: 'binary as JSON', contentType: 'application/json', body: Buffer.from([0xff, 0xfe, 0x00, 0x7b]) },
    {
      label: 'odd query',
      query:
        '?page=-1&page=99999999999&status=deleted&q=%27%20OR%201%3D1&year=abc&from=2025-02-30&lang=zz&next=//evil.example&exact=1&notice=errors.x%3Cscript%3E',
    },
    {
      label: 'odd headers',
      headers: {
        'accept-language': 'zz;q=abc, *;q=0.5, ar-EG;q=2',
        'x-forwarded-for': 'not-an-ip, ::ffff:999.1.1.1, [::1]:x',
        referer: 'http://[bad',
        'x-csrf-token': 'x'.repeat(200),
        'x-altcha': 'e30=',
      },
      contentType: 'application/json',
      body: '{}',
    },
  ];
}

describe.each(testBackends())('every route under hostile requests, on %s', (backend) => {
  let server: TestServer;
  let routes: { method: string; path: string }[];
  let reportId: number;
  let admin: StaffClient;
  let requests = 0;
  let counter = 0;
  beforeAll(async () => {
    // The routes, read from the app as Node builds it (the Worker builds the same app from the same code).
    if (backend === 'worker') {
      const local = await startTestServer();
      routes = routesOf(local.app);
      await local.close();
    }
    server = await startTestServer({ backend, env: backend === 'worker' ? {} : { TRUSTED_PROXIES: '127.0.0.1' } });
    if (backend !== 'worker') routes = routesOf(server.app);
    await postJson(`${server.url}/api/reports`, validReport());
    admin = await signedInStaff(server, 'admin');
    reportId = (await admin.get('/api/staff/reports')).json.rows[0].id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  /** A signed-in admin; fuzzing may end the session (a logout, a reset of one's own password): then another. */
  async function session(): Promise<StaffClient> {
    if ((await admin.get('/api/staff/session')).status !== 200) admin = await signedInStaff(server, 'admin');
    return admin;
  }

  it('never answers with a 5xx', async () => {
    expect(routes.length).toBeGreaterThan(70);
    const failures: string[] = [];
    const all = probes();
    for (const route of routes) {
      const paths = [
        ...new Set(
          [0, 1, 2, 3].map((variant) =>
            concretePath(route.path, (name) => {
              const values = name === 'id' || name === 'relatedId' ? idValues(reportId) : (PARAMS[name] ?? ['1']);
              return encodeURI(values[variant % values.length]!);
            }),
          ),
        ),
      ];
      for (const signedIn of [false, true]) {
        const client = signedIn ? await session() : undefined;
        for (const path of paths)
          for (const probe of route.method === 'GET' ? all.filter((p) => !p.body) : all) {
            if (route.method === 'GET' && probe.label === 'nothing' && path !== paths[0]) continue;
            const headers: Record<string, string> = {
              // A new client for every request: the per-client limits must not hide the routes behind a 429.
              'x-forwarded-for': `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter++ & 255}`,
              ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {}),
              ...(probe.contentType ? { 'content-type': probe.contentType } : {}),
              ...probe.headers,
            };
            if (backend === 'worker') headers['cf-connecting-ip'] = headers['x-forwarded-for']!.split(',')[0]!;
            const where = `${route.method} ${path} (${probe.label}, ${signedIn ? 'signed in' : 'anonymous'})`;
            const send = () =>
              fetch(`${server.url}${path}${probe.query ?? ''}`, {
                method: route.method,
                headers,
                body: probe.body as BodyInit | undefined,
                redirect: 'manual',
              });
            let status: number;
            try {
              // An idle keep-alive connection the server closed just as it was reused is the client's race, not
              // the server's answer: such a request goes once more, on a new connection.
              const res = await send().catch((error: Error) => {
                if ((error.cause as { code?: string } | undefined)?.code !== 'ECONNRESET') throw error;
                return send();
              });
              await res.arrayBuffer();
              status = res.status;
            } catch (error) {
              // A connection closed without an answer is no better than a 5xx.
              status = 599;
              failures.push(`${where} → no answer: ${(error as Error).cause ?? error}`);
            }
            requests++;
            if (status >= 500 && status !== 599) failures.push(`${where} → ${status}`);
          }
      }
    }
    console.log(
      `fuzz on ${backend}: ${routes.length} routes, ${requests} requests, ${failures.length} answered 5xx or not at all`,
    );
    expect(failures).toEqual([]);
  }, 900_000);
});
