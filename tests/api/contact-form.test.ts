import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../helpers/backends';
import { postForm, startTestServer, type TestServer } from '../helpers/server';

describe.each(nodeBackends())('contact details in the HTML form on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  const fields = (extra: [string, string][]): [string, string][] => [
    ['description', 'Im Bus nach Alsdorf wurde ich beschimpft.'],
    ['contactEmail', 'ratsuchend@example.org'],
    ['contactPhone', ''],
    ['contactLanguage', 'Türkisch'],
    ...extra,
  ];

  it('shows the contact on the review screen with the promise, and stores it sealed and apart', async () => {
    const review = await postForm(`${server.url}/de/report/review`, fields([['supportWanted', 'on']]));
    expect(review.status).toBe(200);
    expect(review.html).toContain('ratsuchend@example.org');
    expect(review.html).toContain('Wird verschlüsselt gespeichert und nur dem Beratungsteam gezeigt');
    const sent = await postForm(
      `${server.url}/de/report/send`,
      fields([
        ['supportWanted', 'on'],
        ['consent', 'on'],
      ]),
    );
    expect(sent.status).toBe(201);
    const report = await server.database.db
      .selectFrom('reports')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(report)).not.toContain('ratsuchend');
    const contact = await server.database.db
      .selectFrom('report_contacts')
      .selectAll()
      .where('report_id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(contact.sealed).toMatch(/^v1:/);
    expect(contact.sealed).not.toContain('ratsuchend');
  });

  it('sends the reporter back to the form when contact details come without a wish for counselling', async () => {
    const res = await postForm(`${server.url}/de/report/review`, fields([]));
    expect(res.status).toBe(422);
    expect(res.html).toContain('Kontaktdaten speichern wir nur für eine Beratung');
  });

  it('shows the contact fields without JavaScript, with a hint on when to use them', async () => {
    const form = await fetch(`${server.url}/de/report`).then((r) => r.text());
    expect(form).toContain('id="contactEmail"');
    expect(form).toContain('Bitte nur ausfüllen, wenn Sie oben');
  });
});
