import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, nodeBackends } from '../helpers/backends';
import { eventually, TestHttpReceiver, TestSmtpServer } from '../helpers/notice-receivers';
import { fixedClock, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

const WEBHOOK_SECRET = `whsec_${Buffer.from('a shared secret of the office chat, 32+ bytes long').toString('base64')}`;

/** What a reporter wrote or gave: none of it may leave in a notice. */
const PLANTED = {
  description: 'Zaunkönig-Vorfall: Im Bus nach Alsdorf hat mich der Fahrer beschimpft und mir den Einstieg verweigert.',
  consequences: 'Seitdem fahre ich nur noch mit dem Fahrrad zur Arbeit bei Quittenbaum.',
  message: 'Nachtrag Wiesenknopf: Eine Zeugin saß in der dritten Reihe.',
  email: 'ratsuchend.wendehals@example.org',
  phone: '0241 987 65 43',
  dangerDescription: 'Er steht gerade vor meiner Tür und droht mir, Kiebitz-Straße. Bitte helfen Sie mir schnell!',
};

/**
 * Notices that something happened, never what: a real SMTP server (STARTTLS, login) and a real webhook
 * receiver on 127.0.0.1, every event of the issue once, and what a reporter wrote nowhere in them.
 */
describe.each(nodeBackends())('notifications on %s', (backend) => {
  // 06:00 in Aachen: the daily notices (from 07:00) come only when the test moves the clock there.
  const clock = fixedClock('2026-11-02T05:00:00.000Z');
  const smtp = new TestSmtpServer();
  const hook = new TestHttpReceiver();
  let server: TestServer;
  beforeAll(async () => {
    await smtp.start();
    await hook.start();
    server = await startTestServer({
      backend,
      clock,
      env: {
        ...smtp.env(),
        PUBLIC_BASE_URL: 'http://meldestelle.example.org',
        NOTIFY_OFFICE_MAILBOX: 'team@office.example',
        NOTIFY_WEBHOOK_URL: `${hook.url}/chat`,
        NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp.stop();
    await hook.stop();
  });

  const api = (path: string) => `${server.url}/api${path}`;
  const queued = async () => (await server.database.db.selectFrom('notification_queue').select('id').execute()).length;
  const expectDeliveries = async (mails: number, calls: number) => {
    // Delivered and noted as such: the queue is empty again.
    await eventually(
      async () => smtp.mails.length >= mails && hook.calls.length >= calls && (await queued()) === 0,
      `${mails} mails and ${calls} calls`,
    );
    // Nothing more is on its way: a further pass finds nothing due.
    expect(await server.notifications!.runOnce()).toEqual({ delivered: 0, retried: 0, failed: 0, dropped: 0 });
    expect(smtp.mails).toHaveLength(mails);
    expect(hook.calls).toHaveLength(calls);
  };
  const newMails = (from: number) =>
    smtp.mails
      .slice(from)
      .map((m) => `${m.to} ${m.subject}`)
      .sort();

  it('sends one mail per recipient and one webhook call per event, and none carries what a reporter wrote', async () => {
    const instant = await signedInStaff(server, 'caseworker', 'clara', clock);
    const digest = await signedInStaff(server, 'caseworker', 'david', clock);
    const analyst = await signedInStaff(server, 'analyst', 'anna', clock);
    await server.database.db.updateTable('staff_users').set({ locale: 'en' }).where('username', '=', 'david').execute();
    expect(
      (
        await instant.request('PUT', '/api/staff/notifications', {
          json: { mode: 'instant', email: 'clara@office.example' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await digest.request('PUT', '/api/staff/notifications', {
          json: { mode: 'digest', email: 'david@office.example' },
        })
      ).status,
    ).toBe(200);
    // Analysts see statistics only: no notices about the inbox for them.
    expect(
      (
        await analyst.request('PUT', '/api/staff/notifications', {
          json: { mode: 'instant', email: 'anna@office.example' },
        })
      ).status,
    ).toBe(403);

    // A report with text, consequences and contact details for counselling.
    const first = await postJson(
      api('/reports'),
      validReport({
        description: PLANTED.description,
        consequences: PLANTED.consequences,
        supportWanted: true,
        contact: { email: PLANTED.email, phone: PLANTED.phone, language: 'Türkisch' },
      }),
    );
    expect(first.status).toBe(201);
    await expectDeliveries(2, 1);
    expect(newMails(0)).toEqual([
      'clara@office.example Meldestelle: neue Meldung',
      'team@office.example Meldestelle: neue Meldung',
    ]);

    // Another report, in Turkish and from another place: the notice is word for word the same.
    const second = await postJson(
      api('/reports'),
      validReport({
        locale: 'tr',
        description: 'Stolberg’de bir dükkânda bana hizmet verilmedi ve hakaret edildi.',
        place: { municipality: 'stolberg', online: false },
      }),
    );
    expect(second.status).toBe(201);
    await expectDeliveries(4, 2);
    const [mailDe, mailTr] = [smtp.mails[0]!, smtp.mails[2]!].map((m) => ({
      to: m.to,
      subject: m.subject,
      text: m.text,
    }));
    expect(mailTr).toEqual(mailDe);
    expect(JSON.parse(hook.calls[1]!.body).text).toBe(JSON.parse(hook.calls[0]!.body).text);

    // The reporter writes again.
    const message = await postJson(api('/receipt/messages'), {
      receipt: first.json.receipt,
      body: PLANTED.message,
      locale: 'de',
    });
    expect(message.status).toBe(201);
    await expectDeliveries(6, 3);
    expect(newMails(4)).toEqual([
      'clara@office.example Meldestelle: neue Nachricht',
      'team@office.example Meldestelle: neue Nachricht',
    ]);

    // Someone in danger: the report is urgent at once, and everyone hears of it, digest readers too.
    const danger = await postJson(api('/reports'), validReport({ description: PLANTED.dangerDescription }));
    expect(danger.status).toBe(201);
    await expectDeliveries(9, 4);
    expect(newMails(6)).toEqual([
      'clara@office.example Meldestelle: dringende Meldung',
      'david@office.example Meldestelle: urgent report',
      'team@office.example Meldestelle: dringende Meldung',
    ]);
    const urgentOnes = await instant.get('/api/staff/reports?urgent=1');
    expect(urgentOnes.json.rows).toHaveLength(1);

    // A caseworker flags another report as urgent.
    const all = await instant.get('/api/staff/reports');
    const notUrgent = all.json.rows.find((r: { urgent: number }) => !r.urgent);
    expect((await instant.post(`/api/staff/reports/${notUrgent.id}/urgent`, { urgent: true })).status).toBe(200);
    await expectDeliveries(12, 5);

    // Six days later in the morning: acknowledgements are due tomorrow; the digest reader gets the overview.
    clock.set('2026-11-08T06:30:00.000Z');
    await server.notifications!.runOnce();
    await expectDeliveries(15, 6);
    expect(newMails(12)).toEqual([
      'clara@office.example Meldestelle: Eingangsbestätigung morgen fällig',
      'david@office.example Meldestelle: daily overview',
      'team@office.example Meldestelle: Eingangsbestätigung morgen fällig',
    ]);
    const overview = smtp.mails.find((m) => m.to === 'david@office.example' && m.subject.includes('overview'))!;
    expect(overview.text).toContain('new reports: 3');
    expect(overview.text).toContain('urgent open reports: 2');
    expect(overview.text).toContain('reports with an unread message: 1');
    expect(overview.text).toContain('acknowledgement due tomorrow: 3');
    // The daily notices are made once a day, however often the job looks.
    await server.notifications!.runOnce();
    clock.advance(3 * 3600_000);
    await expectDeliveries(15, 6);

    // What left, over SMTP with TLS and signed to the webhook, and what did not.
    const receipts = [first.json.receipt, second.json.receipt, danger.json.receipt] as string[];
    const forbidden = [
      ...Object.values(PLANTED).flatMap((text) => text.split(/[\s:,.!]+/).filter((w) => w.length >= 7)),
      ...receipts.flatMap((r) => [r, r.replace(/[^A-Z0-9]/gi, '')]),
      PLANTED.phone.replace(/\s/g, ''),
      'Alsdorf',
      'alsdorf',
      'Stolberg',
      'stolberg',
      'Türk',
      '/staff/reports/',
    ];
    for (const mail of smtp.mails) {
      expect(mail.secure).toBe(true);
      expect(mail.autoSubmitted).toBe('auto-generated');
      expect(mail.text).toContain('http://meldestelle.example.org/staff/inbox');
      for (const word of forbidden) {
        expect(mail.raw).not.toContain(word);
        expect(`${mail.subject}\n${mail.text}`).not.toContain(word);
      }
    }
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(smtp.mails.length);
    const verifier = new Webhook(WEBHOOK_SECRET);
    for (const call of hook.calls) {
      expect(call.path).toBe('/chat');
      const payload = verifier.verify(call.body, call.headers as Record<string, string>) as {
        type: string;
        link: string;
      };
      expect(payload.link).toMatch(/^http:\/\/meldestelle\.example\.org\/staff\/inbox/);
      for (const word of forbidden) expect(call.body).not.toContain(word);
    }
    expect(hook.calls.map((c) => JSON.parse(c.body).type)).toEqual([
      'report.received',
      'report.received',
      'reporter.message',
      'report.urgent',
      'report.urgent',
      'acknowledgement.due',
    ]);
    // The queue keeps nothing once delivered.
    expect(await server.database.db.selectFrom('notification_queue').selectAll().execute()).toEqual([]);
  });

  it('keeps each account’s choice, checks it, and sends a test notice on request', async () => {
    clock.set('2026-11-09T05:00:00.000Z');
    const erik = await signedInStaff(server, 'caseworker', 'erik', clock);
    expect((await erik.get('/api/staff/notifications')).json).toEqual({ mode: 'off', email: null, sending: true });
    const bad = await erik.request('PUT', '/api/staff/notifications', {
      json: { mode: 'instant', email: 'not an address' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.email).toBe('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
    expect(
      (await erik.request('PUT', '/api/staff/notifications', { json: { mode: 'hourly', email: 'e@x.example' } }))
        .status,
    ).toBe(422);
    expect((await erik.post('/api/staff/notifications/test', { to: 'me' })).status).toBe(409);

    expect(
      (
        await erik.request('PUT', '/api/staff/notifications', {
          json: { mode: 'digest', email: 'erik@office.example' },
        })
      ).json,
    ).toEqual({
      mode: 'digest',
      email: 'erik@office.example',
      sending: true,
    });
    const before = smtp.mails.length;
    expect((await erik.post('/api/staff/notifications/test', {})).status).toBe(202);
    await eventually(() => smtp.mails.length === before + 1, 'the test mail');
    expect(smtp.mails.at(-1)).toMatchObject({
      to: 'erik@office.example',
      subject: 'Meldestelle: Test der Benachrichtigungen',
    });
    // The shared mailbox and the webhook are tested by admins only.
    expect((await erik.post('/api/staff/notifications/test', { to: 'office' })).status).toBe(403);
    expect((await erik.get('/api/staff/notifications/queue')).status).toBe(403);

    // Opting out deletes the address.
    expect((await erik.request('PUT', '/api/staff/notifications', { json: { mode: 'off' } })).status).toBe(200);
    const stored = await server.database.db.selectFrom('staff_notification_settings').select('email').execute();
    expect(stored.map((s) => s.email)).not.toContain('erik@office.example');
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'like', 'notifications.%')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    for (const entry of audit) expect(entry.detail).not.toContain('@');
  });

  it('works as plain forms on the notifications page: opt in, test mail, and the queue for admins', async () => {
    clock.set('2026-11-09T05:30:00.000Z');
    const ida = await signedInStaff(server, 'caseworker', 'ida', clock);
    const form = (path: string, fields: [string, string][]) =>
      ida.request('POST', path, { form: [['_csrf', ida.csrfToken], ...fields], csrf: false });

    // Opting in through the page's form: back to the page with a notice, the choice shown as stored.
    const saved = await form('/staff/notifications', [
      ['mode', 'instant'],
      ['email', 'ida@office.example'],
    ]);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/staff/notifications?notice=notices.notifications_saved');
    const page = await ida.get('/staff/notifications?notice=notices.notifications_saved');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ihre Benachrichtigungen sind gespeichert.');
    expect(page.text).toMatch(/id="mode-instant"[^>]*checked/);
    expect(page.text).toContain('value="ida@office.example"');
    // A caseworker sees no queue and no test of the shared channels.
    expect(page.text).not.toContain('id="queue-title"');
    expect(page.text).not.toContain('name="to" value="office"');

    // A wrong address is refused in the staff language, and the stored choice stays.
    const wrong = await form('/staff/notifications', [
      ['mode', 'digest'],
      ['email', 'not an address'],
    ]);
    expect(wrong.status).toBe(303);
    const back = await ida.get(wrong.headers.get('location')!);
    expect(back.text).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
    expect(back.text).toContain('value="ida@office.example"');
    expect(await ida.get('/api/staff/notifications')).toMatchObject({
      json: { mode: 'instant', email: 'ida@office.example' },
    });

    // The test button: a mail arrives at the real mail server, saying only that notifications work.
    const before = smtp.mails.length;
    const test = await form('/staff/notifications/test', [['to', 'me']]);
    expect(test.status).toBe(303);
    expect(test.headers.get('location')).toBe('/staff/notifications?notice=notices.notification_test_queued');
    await eventually(() => smtp.mails.length === before + 1, 'the test mail');
    expect(smtp.mails.at(-1)).toMatchObject({
      to: 'ida@office.example',
      subject: 'Meldestelle: Test der Benachrichtigungen',
    });
    expect(smtp.mails.at(-1)!.text).toContain('http://meldestelle.example.org/staff/notifications');

    // An address the mail server refuses: the admins see the failure in the queue, with its reason only.
    const jan = await signedInStaff(server, 'caseworker', 'jan', clock);
    await jan.request('PUT', '/api/staff/notifications', { json: { mode: 'instant', email: 'nobody@office.example' } });
    expect((await jan.post('/api/staff/notifications/test', {})).status).toBe(202);
    await eventually(async () => {
      const rows = await server.database.db.selectFrom('notification_queue').select('failed_on').execute();
      return rows.some((r) => r.failed_on);
    }, 'the refused test noted as failed');
    const admin = await signedInStaff(server, 'admin', 'ada-notices', clock);
    const adminPage = await admin.get('/staff/notifications');
    expect(adminPage.status).toBe(200);
    const queue = adminPage.text.slice(adminPage.text.indexOf('id="queue-title"'));
    expect(queue).toContain('Meldestelle: Test der Benachrichtigungen');
    expect(queue).toContain('Test caseworker');
    expect(queue).toContain('gescheitert am 09.11.2026');
    expect(queue).toContain('smtp 550');
    expect(queue).not.toContain('nobody@');
    // Admins test the shared mailbox and the webhook from the same page.
    expect(adminPage.text).toContain('name="to" value="office"');
    expect(adminPage.text).toContain('name="to" value="webhook"');
    const calls = hook.calls.length;
    const hookTest = await admin.request('POST', '/staff/notifications/test', {
      form: [
        ['_csrf', admin.csrfToken],
        ['to', 'webhook'],
      ],
      csrf: false,
    });
    expect(hookTest.status).toBe(303);
    await eventually(() => hook.calls.length === calls + 1, 'the webhook test');
    expect(JSON.parse(hook.calls.at(-1)!.body).type).toBe('test');

    // A caseworker cannot send to the shared channels, even with a hand-made form.
    expect((await form('/staff/notifications/test', [['to', 'office']])).status).toBe(403);
  });
});

describe.each(nodeBackends())('a mail server that is down, on %s', (backend) => {
  const clock = fixedClock('2026-11-02T05:00:00.000Z');
  const smtp = new TestSmtpServer();
  let server: TestServer;
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  afterAll(async () => {
    await server?.close();
    await postgres?.drop();
    await smtp.stop();
  });

  it('holds the notice in the queue across a restart and delivers it when the server is back', async () => {
    // A port where the mail server will listen, but not yet.
    await smtp.start();
    await smtp.stop();
    // One database for both runs of the portal (a test server's own PostgreSQL database would go with it).
    postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const env = {
      ...smtp.env(),
      NOTIFY_OFFICE_MAILBOX: 'team@office.example',
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    };
    server = await startTestServer({ clock, env });
    const admin = await signedInStaff(server, 'admin', 'admin-down', clock);

    const sent = await postJson(`${server.url}/api/reports`, validReport({ description: PLANTED.description }));
    expect(sent.status).toBe(201);
    const failing = async () => (await admin.get('/api/staff/notifications/queue')).json.queue;
    await expect.poll(async () => (await failing())[0]?.attempts ?? 0).toBe(1);
    expect(await failing()).toEqual([
      {
        kind: 'report.received',
        recipient: 'office',
        attempts: 1,
        nextAttemptAt: '2026-11-02T05:01:00.000Z',
        lastError: 'ECONNREFUSED',
        failedOn: null,
      },
    ]);
    // A second report while the server is down adds nothing: one notice says there is something new.
    expect((await postJson(`${server.url}/api/reports`, validReport())).status).toBe(201);
    expect(await failing()).toHaveLength(1);

    // The portal restarts; the queue is in the database.
    await server.close();
    server = await startTestServer({ clock, env, dataDir: server.dataDir });
    await smtp.start(smtp.port);
    expect((await server.notifications!.runOnce()).delivered).toBe(0); // not due before its backoff
    clock.advance(61_000);
    expect((await server.notifications!.runOnce()).delivered).toBe(1);
    expect(smtp.mails.map((m) => `${m.to} ${m.subject}`)).toEqual(['team@office.example Meldestelle: neue Meldung']);
    expect(await server.database.db.selectFrom('notification_queue').selectAll().execute()).toEqual([]);
  });
});

describe('a JSON mail API', () => {
  const clock = fixedClock('2026-11-02T05:00:00.000Z');
  const mailApi = new TestHttpReceiver();
  let server: TestServer;
  const answers: number[] = [];
  beforeAll(async () => {
    await mailApi.start();
    server = await startTestServer({
      clock,
      env: {
        MAIL_API_URL: `${mailApi.url}/emails`,
        MAIL_API_KEY: 're_test_key',
        MAIL_FROM: 'meldestelle@office.example',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await mailApi.stop();
  });

  it('retries with the same idempotency key, gives up on a refused address, and revives it with the next notice', async () => {
    const attempts: { key: string; to: string }[] = [];
    mailApi.answer = (call) => {
      const to = JSON.parse(call.body).to[0] as string;
      attempts.push({ key: String(call.headers['idempotency-key']), to });
      if (answers.length) return answers.shift()!;
      return to.startsWith('nobody@') ? 422 : 200;
    };
    const fiona = await signedInStaff(server, 'caseworker', 'fiona', clock);
    const gero = await signedInStaff(server, 'caseworker', 'gero', clock);
    await fiona.request('PUT', '/api/staff/notifications', {
      json: { mode: 'instant', email: 'fiona@office.example' },
    });
    await gero.request('PUT', '/api/staff/notifications', {
      json: { mode: 'instant', email: 'nobody@office.example' },
    });

    answers.push(503);
    expect(
      (await postJson(`${server.url}/api/reports`, validReport({ description: PLANTED.description }))).status,
    ).toBe(201);
    await expect.poll(() => attempts.length).toBe(1);
    // The API is down: the other notice of the pass waits without a call.
    await eventually(async () => {
      const rows = await server.database.db.selectFrom('notification_queue').select('attempts').execute();
      return rows.length === 2 && rows.every((r) => r.attempts === 1);
    }, 'both notices noted for a retry');
    expect(attempts).toHaveLength(1);
    clock.advance(61_000);
    await server.notifications!.runOnce();
    expect(mailApi.calls).toHaveLength(1);
    const fionaKeys = attempts.filter((a) => a.to === 'fiona@office.example').map((a) => a.key);
    expect(fionaKeys).toHaveLength(2);
    expect(fionaKeys[1]).toBe(fionaKeys[0]);
    const call = mailApi.calls[0]!;
    expect(call.path).toBe('/emails');
    expect(call.headers.authorization).toBe('Bearer re_test_key');
    const body = JSON.parse(call.body);
    expect(body).toMatchObject({
      from: 'meldestelle@office.example',
      to: ['fiona@office.example'],
      subject: 'Meldestelle: neue Meldung',
    });
    expect(body.text).not.toContain('Alsdorf');

    const admin = await signedInStaff(server, 'admin', 'admin-api', clock);
    const queue = (await admin.get('/api/staff/notifications/queue')).json.queue;
    expect(queue).toEqual([
      expect.objectContaining({
        recipient: expect.stringMatching(/^staff:/),
        lastError: 'http 422',
        failedOn: '2026-11-02',
      }),
    ]);

    // Gero fixes the address; the next notice of the kind brings the given-up one back.
    await gero.request('PUT', '/api/staff/notifications', { json: { mode: 'instant', email: 'gero@office.example' } });
    expect((await postJson(`${server.url}/api/reports`, validReport())).status).toBe(201);
    await expect
      .poll(() => mailApi.calls.map((c) => JSON.parse(c.body).to[0]).sort())
      .toEqual(['fiona@office.example', 'fiona@office.example', 'gero@office.example']);
    await expect.poll(async () => (await admin.get('/api/staff/notifications/queue')).json.queue).toEqual([]);
  });
});

describe('without mail or webhook', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps the choice but queues nothing and says so', async () => {
    const hana = await signedInStaff(server, 'caseworker');
    await hana.request('PUT', '/api/staff/notifications', { json: { mode: 'instant', email: 'hana@office.example' } });
    expect((await hana.get('/api/staff/notifications')).json.sending).toBe(false);
    expect((await postJson(`${server.url}/api/reports`, validReport())).status).toBe(201);
    expect(server.notifications).toBeNull();
    expect(await server.database.db.selectFrom('notification_queue').selectAll().execute()).toEqual([]);
    const test = await hana.post('/api/staff/notifications/test', {});
    expect(test.status).toBe(409);
    expect(test.json.error.message).toContain('SMTP');
  });
});
