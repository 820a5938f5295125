import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../helpers/backends';
import { concretePath, routesOf } from '../helpers/routes';
import { postForm, startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

/** Bodies that say they are forms and are not: a broken multipart boundary, a part cut off, no boundary. */
const BROKEN_FORMS: [string, string][] = [
  ['multipart/form-data; boundary=xyz', 'this is not multipart at all'],
  ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished'],
  ['multipart/form-data', '--x\r\n\r\n'],
];

describe.each(nodeBackends())('malformed input gets a clear 4xx, never a 5xx, on %s', (backend) => {
  let server: TestServer;
  let formRoutes: string[];
  beforeAll(async () => {
    server = await startTestServer({ backend });
    formRoutes = [
      ...new Set(
        routesOf(server.app)
          .filter((r) => r.method === 'POST' && !r.path.startsWith('/api/'))
          .map((r) => concretePath(r.path, (name) => (name === 'locale' ? 'de' : '1'))),
      ),
    ];
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a broken form body on every form route with a 400 in the person’s language', async () => {
    expect(formRoutes).toEqual(expect.arrayContaining(['/de/report/send', '/de/receipt/messages', '/staff/login']));
    const staff = await signedInStaff(server, 'admin');
    const answers: string[] = [];
    for (const path of formRoutes)
      for (const [type, body] of BROKEN_FORMS)
        for (const cookie of ['', staff.cookie]) {
          const res = await fetch(`${server.url}${path}`, {
            method: 'POST',
            headers: { 'content-type': type, 'accept-language': 'en', cookie, 'x-csrf-token': staff.csrfToken },
            body,
          });
          const text = await res.text();
          if (res.status !== 400 || !/The form (arrived incomplete|could not be read)|Das Formular kam/.test(text))
            answers.push(`${path} ${type} ${cookie ? 'signed in' : 'anonymous'} → ${res.status}`);
        }
    expect(answers).toEqual([]);
  });

  it('sends the form without JavaScript back to the questions when contact details come without consent', async () => {
    const res = await postForm(`${server.url}/de/report/send`, [
      ['description', 'Der Hausmeister hat mich beleidigt.'],
      ['contactEmail', 'ich@example.org'],
    ]);
    expect(res.status).toBe(422);
    expect(res.html).toContain('Einwilligung');
    expect(res.html).toContain('Beratung');
  });

  it('switches the back office’s language from any page, whatever the Referer says', async () => {
    const staff = await signedInStaff(server, 'caseworker');
    for (const referer of ['/staff/inbox', 'not a url', 'http://[bad', 'https://elsewhere.example/staff/inbox', '']) {
      const res = await staff.request('POST', '/staff/account/locale', {
        form: [
          ['locale', 'en'],
          ['_csrf', staff.csrfToken],
        ],
        csrf: false,
        headers: referer ? { referer } : {},
      });
      expect(res.status, referer).toBe(303);
      expect(res.headers.get('location'), referer).toMatch(/^\/staff(\/|$)/);
    }
    const back = await staff.request('POST', '/staff/account/locale', {
      form: [
        ['locale', 'de'],
        ['_csrf', staff.csrfToken],
      ],
      csrf: false,
      headers: { referer: `${server.url}/staff/statistics?year=2025` },
    });
    expect(back.headers.get('location')).toBe('/staff/statistics');
  });
});
