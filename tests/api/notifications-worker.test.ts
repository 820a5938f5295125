import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHttpReceiver } from '../helpers/notice-receivers';
import { postJson, validReport } from '../helpers/server';
import { startWorker, type WorkerServer } from '../helpers/worker';

const SECRET = `whsec_${Buffer.from('the office chat secret, at least 32 bytes').toString('base64')}`;

// On Workers SMTP cannot run: the JSON mail API and the webhook, queued in D1 by the request and delivered
// by the cron trigger.
describe.runIf(process.env.TEST_WORKER === '1')('notifications on the Worker', () => {
  const mailApi = new TestHttpReceiver();
  const hook = new TestHttpReceiver();
  let worker: WorkerServer;
  beforeAll(async () => {
    await mailApi.start();
    await hook.start();
    worker = await startWorker({
      MAIL_API_URL: `${mailApi.url}/emails`,
      MAIL_API_KEY: 're_worker_key',
      MAIL_FROM: 'meldestelle@office.example',
      NOTIFY_OFFICE_MAILBOX: 'team@office.example',
      NOTIFY_WEBHOOK_URL: `${hook.url}/chat`,
      NOTIFY_WEBHOOK_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await worker?.close();
    await mailApi.stop();
    await hook.stop();
  });

  it('queues a notice with the report and delivers it on the cron trigger, without the report’s words', async () => {
    const description = 'Im Bus nach Eschweiler hat mich der Kontrolleur Rotkehlchen angeschrien.';
    const sent = await postJson(`${worker.url}/api/reports`, validReport({ description }));
    expect(sent.status).toBe(201);
    const queued = await worker.database.db.selectFrom('notification_queue').select(['kind', 'recipient']).execute();
    expect(queued.map((r) => `${r.kind} ${r.recipient}`).sort()).toEqual([
      'report.received office',
      'report.received webhook',
    ]);

    const cron = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
    expect(cron.status).toBe(200);
    await expect.poll(() => mailApi.calls.length + hook.calls.length, { timeout: 10_000 }).toBe(2);
    const mail = JSON.parse(mailApi.calls[0]!.body);
    expect(mailApi.calls[0]!.headers.authorization).toBe('Bearer re_worker_key');
    expect(mail).toMatchObject({ to: ['team@office.example'], subject: 'Meldestelle: neue Meldung' });
    new Webhook(SECRET).verify(hook.calls[0]!.body, hook.calls[0]!.headers as Record<string, string>);
    for (const call of [...mailApi.calls, ...hook.calls]) {
      for (const word of ['Eschweiler', 'Rotkehlchen', 'Kontrolleur', sent.json.receipt])
        expect(call.body).not.toContain(word);
    }
    expect(await worker.database.db.selectFrom('notification_queue').selectAll().execute()).toEqual([]);
  });
});
