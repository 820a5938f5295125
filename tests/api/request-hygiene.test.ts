import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../helpers/backends';
import { postForm, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

const RLO = '\u202E';
const ISOLATES = '\u2066\u2067\u2068\u2069';

describe.each(nodeBackends())('what pages show and what posts may come, on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows no direction override from a report, a message or a note, in staff views and on the receipt page', async () => {
    const caseworker = await signedInStaff(server, 'caseworker');
    const created = await postJson(
      `${server.url}/api/reports`,
      validReport({ description: `Die Datei hieß ${RLO}fdp.exe und kam per Mail.` }),
    );
    const receipt: string = created.json.receipt;
    await postJson(`${server.url}/api/receipt/messages`, {
      receipt,
      body: `Er schrieb ${ISOLATES}nein${RLO}.`,
      locale: 'de',
    });
    const { id } = await server.database.db
      .selectFrom('reports')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // What is stored is already clean; a note staff typed, and rows from before, are cleaned where shown.
    const stored = await server.database.db
      .selectFrom('reports')
      .select('description')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.description).toBe('Die Datei hieß fdp.exe und kam per Mail.');
    await caseworker.post(`/api/staff/reports/${id}/notes`, { body: `Notiz ${RLO}gnutiez` });
    await server.database.db
      .updateTable('report_messages')
      .set({ body: `Alte Nachricht ${RLO}thcirhcaN` })
      .where('report_id', '=', id)
      .execute();

    const pages = [
      (await caseworker.get(`/staff/reports/${id}`)).text,
      (await caseworker.get('/staff/inbox')).text,
      (await postForm(`${server.url}/de/receipt`, [['receipt', receipt]])).html,
    ];
    for (const html of pages) expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(pages[0]).toContain('Alte Nachricht thcirhcaN');
    expect(pages[0]).toContain('Notiz gnutiez');
  });

  it('refuses a post from another site’s page, and takes our own and those without Origin', async () => {
    const foreign = await postJson(`${server.url}/api/reports`, validReport(), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('errors.cross_origin');
    const opaque = await postJson(`${server.url}/api/reports`, validReport(), { origin: 'null' });
    expect(opaque.status).toBe(403);
    const page = await fetch(`${server.url}/de/receipt/withdraw`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams([['receipt', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ']]),
    });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('nicht von den Seiten der Meldestelle');
    expect((await postJson(`${server.url}/api/reports`, validReport(), { origin: server.url })).status).toBe(201);
    expect((await postJson(`${server.url}/api/reports`, validReport())).status).toBe(201);
  });

  it('sends HSTS only where the portal is reached over https', async () => {
    expect((await fetch(`${server.url}/de/`)).headers.get('strict-transport-security')).toBeNull();
    const https = await startTestServer({ backend, env: { PUBLIC_BASE_URL: 'https://meldestelle.example.org' } });
    try {
      const res = await fetch(`${https.url}/de/`);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      // Behind the proxy that ends TLS, our own forms carry the public origin.
      const ours = await postJson(`${https.url}/api/reports`, validReport(), {
        origin: 'https://meldestelle.example.org',
      });
      expect(ours.status).toBe(201);
    } finally {
      await https.close();
    }
  });
});
