import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../fake-libretranslate/server';
import { phraseText } from '../../shared/i18n/phrasebook';
import { postForm, postJson, validReport } from '../helpers/server';
import { STAFF_PASSWORD, StaffClient } from '../helpers/staff';
import { startWorker, type WorkerServer } from '../helpers/worker';

// On Workers nothing runs beside a request: the translation is queued in D1 with the report and made on the
// cron trigger, every minute.
describe.runIf(process.env.TEST_WORKER === '1')('translation on the Worker', () => {
  let libre: FakeLibreTranslate;
  let worker: WorkerServer;
  beforeAll(async () => {
    libre = await startFakeLibreTranslate();
    worker = await startWorker({ LIBRETRANSLATE_URL: libre.url });
  });
  afterAll(async () => {
    await worker?.close();
    await libre?.close();
  });

  it('queues translations with the report and with the reply, and makes them on the cron trigger, from the stored text', async () => {
    const sent = await postJson(
      `${worker.url}/api/reports`,
      validReport({
        locale: 'tr',
        description: 'Ev sahibi Ahmet Yılmaz bana daireyi vermedi. Telefonum 0176 12345678.',
      }),
    );
    expect(sent.status).toBe(201);
    const db = worker.database.db;
    expect(await db.selectFrom('translation_jobs').select(['subject', 'source', 'target']).execute()).toEqual([
      { subject: 'description', source: 'tr', target: 'de' },
    ]);

    const cron = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
    expect(cron.status).toBe(200);
    await expect
      .poll(() => db.selectFrom('report_translations').select('body').executeTakeFirst(), { timeout: 10_000 })
      .toMatchObject({ body: expect.stringContaining('die Wohnung') });
    expect(await db.selectFrom('translation_jobs').selectAll().execute()).toEqual([]);
    for (const request of libre.requests)
      for (const planted of ['Ahmet', '12345678']) expect(request.q).not.toContain(planted);

    // The back office finds it by a German word of the translation (D1's FTS5), and answers; the reply's own
    // words are translated on the next cron run, and the reporter reads phrase and words in Turkish.
    // The first admin's name is made on first start (never a guessable "admin"); the log names it.
    const firstAdmin = /First admin: user "([^"]+)", one-time password (\S+),/.exec(worker.output());
    const admin = new StaffClient(worker.url);
    expect((await admin.login(firstAdmin![1]!, firstAdmin![2]!)).status).toBe(200);
    await admin.post('/api/staff/password', { current: firstAdmin![2], next: STAFF_PASSWORD, confirm: STAFF_PASSWORD });
    const found = await admin.get('/api/staff/reports?q=Wohnung');
    expect(found.json.rows).toHaveLength(1);
    const id: number = found.json.rows[0].id;
    const words = 'Vielen Dank für Ihre Nachricht.';
    expect((await admin.post(`/api/staff/reports/${id}/messages`, { phrase: 'acknowledge', body: words })).status).toBe(
      201,
    );
    expect((await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`)).status).toBe(200);
    await expect
      .poll(() => db.selectFrom('report_messages').select(['translation', 'translation_locale']).executeTakeFirst(), {
        timeout: 10_000,
      })
      .toEqual({ translation: 'Mesajınız için çok teşekkür ederiz.', translation_locale: 'tr' });
    const page = await postForm(`${worker.url}/tr/receipt`, [['receipt', sent.json.receipt]]);
    expect(page.html).toContain(phraseText('acknowledge', 'tr'));
    expect(page.html).toContain('Mesajınız için çok teşekkür ederiz.');
  });
});
