import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../helpers/backends';
import { eventually, TestSmtpServer } from '../helpers/notice-receivers';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';

/** What the reporter and the office wrote, and how to reach the reporter: none of it may be in the notice. */
const PLANTED = {
  description: 'Im Wartezimmer der Praxis Gimpelweg hat mich die Sprechstundenhilfe wegen meines Kopftuchs abgewiesen.',
  reply: 'Antwort Distelfink: Wir haben mit der Praxis gesprochen und melden uns nächste Woche.',
  email: 'beratung.rotkehlchen@example.org',
  phone: '0241 555 12 34',
  notice: 'hinweis.zaunammer@example.net',
};

/**
 * A reporter's optional address, only to be told "there is a new message for your report": sealed like
 * contact details, sent over a real SMTP server in the reporter's language, deleted when the case closes.
 */
describe.each(nodeBackends())('the reporter’s notice address on %s', (backend) => {
  const smtp = new TestSmtpServer();
  let server: TestServer;
  let clara: StaffClient;
  beforeAll(async () => {
    await smtp.start();
    server = await startTestServer({
      backend,
      env: { ...smtp.env(), PUBLIC_BASE_URL: 'http://meldestelle.example.org' },
    });
    clara = await signedInStaff(server, 'caseworker', 'clara');
  });
  afterAll(async () => {
    await server?.close();
    await smtp.stop();
  });

  /** The report just sent: the newest one. */
  const newestId = async () =>
    (await server.database.db.selectFrom('reports').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

  it('tells the reporter that the office wrote, in their language, and nothing else', async () => {
    const sent = await postJson(
      `${server.url}/api/reports`,
      validReport({
        locale: 'tr',
        description: PLANTED.description,
        supportWanted: true,
        contact: { email: PLANTED.email, phone: PLANTED.phone },
        noticeEmail: PLANTED.notice,
      }),
    );
    expect(sent.status).toBe(201);
    const receipt = sent.json.receipt as string;
    // Sealed: the address is nowhere in the database as written.
    const stored = await server.database.db.selectFrom('report_notice_addresses').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('zaunammer');

    const id = await newestId();
    expect((await clara.post(`/api/staff/reports/${id}/messages`, { body: PLANTED.reply })).status).toBe(201);
    await eventually(() => smtp.mails.some((m) => m.to === PLANTED.notice), 'the notice to the reporter');
    const mail = smtp.mails.find((m) => m.to === PLANTED.notice)!;
    expect(mail.subject).toBe('Bildiriminiz için yeni mesaj');
    expect(mail.text).toContain('http://meldestelle.example.org/tr/receipt');
    expect(mail.secure).toBe(true);
    const forbidden = [
      ...[PLANTED.description, PLANTED.reply].flatMap((t) => t.split(/[\s:,.]+/).filter((w) => w.length >= 6)),
      receipt,
      receipt.replace(/[^A-Z0-9]/gi, ''),
      PLANTED.email,
      PLANTED.phone,
      PLANTED.phone.replace(/\s/g, ''),
      `/staff/reports/${id}`,
    ];
    for (const word of forbidden) expect(mail.raw, word).not.toContain(word);
    // Only the reporter got a mail: no staff member opted in.
    expect(smtp.mails.map((m) => m.to)).toEqual([PLANTED.notice]);

    // Two more replies while the first notice waits or has gone: at most one mail each, never more.
    expect((await clara.post(`/api/staff/reports/${id}/messages`, { body: 'Noch eine Antwort.' })).status).toBe(201);
    await eventually(() => smtp.mails.length === 2, 'the second notice');

    // Closing the case deletes the address at once; a reply is no longer possible, no mail goes out.
    expect((await clara.post(`/api/staff/reports/${id}/status`, { status: 'in_review' })).status).toBe(200);
    expect((await clara.post(`/api/staff/reports/${id}/status`, { status: 'closed' })).status).toBe(200);
    expect(await server.database.db.selectFrom('report_notice_addresses').selectAll().execute()).toEqual([]);
  });

  it('deletes the address with a withdrawn report, and keeps nothing when none was given', async () => {
    const sent = await postJson(
      `${server.url}/api/reports`,
      validReport({ description: 'Zurückgezogen: Beleidigung am Bahnhof Kreuzschnabel.', noticeEmail: PLANTED.notice }),
    );
    expect(sent.status).toBe(201);
    expect(await server.database.db.selectFrom('report_notice_addresses').selectAll().execute()).toHaveLength(1);
    const withdrawn = await postJson(`${server.url}/api/receipt/withdraw`, {
      receipt: sent.json.receipt,
      confirm: true,
    });
    expect(withdrawn.status).toBe(200);
    expect(await server.database.db.selectFrom('report_notice_addresses').selectAll().execute()).toEqual([]);

    // A reply to a report without an address queues nothing.
    await postJson(`${server.url}/api/reports`, validReport({ description: 'Ohne Adresse: ein Vorfall im Amt.' }));
    const id = await newestId();
    const before = smtp.mails.length;
    expect((await clara.post(`/api/staff/reports/${id}/messages`, { body: 'Danke.' })).status).toBe(201);
    expect(await server.database.db.selectFrom('notification_queue').selectAll().execute()).toEqual([]);
    expect(smtp.mails.length).toBe(before);
  });

  it('refuses a wrong address in the reporter’s language and stores nothing', async () => {
    const bad = await postJson(
      `${server.url}/api/reports`,
      validReport({ description: 'Falsche Adresse: ein Vorfall.', noticeEmail: 'keine adresse' }),
      { 'accept-language': 'ar' },
    );
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.noticeEmail).toBeTruthy();
    const rows = (await clara.get('/api/staff/reports')).json.rows as unknown[];
    expect(JSON.stringify(rows)).not.toContain('Falsche Adresse');
  });

  it('offers the field on the form, with the risk of a shared mailbox said in every language', async () => {
    for (const locale of ['de', 'ar', 'de-LS']) {
      const html = await (await fetch(`${server.url}/${locale}/report`)).text();
      expect(html).toContain('name="noticeEmail"');
      expect(html).toContain('id="notice-risk"');
    }
  });
});

describe('the reporter’s notice address without mail', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is not offered where no mail could be sent', async () => {
    const html = await (await fetch(`${server.url}/de/report`)).text();
    expect(html).not.toContain('name="noticeEmail"');
  });
});
