import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../fake-libretranslate/server';
import { postJson, validReport } from '../helpers/server';
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

  it('queues the translation with the report and makes it on the cron trigger, from the stored text', async () => {
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
  });
});
