import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresDatabase, nodeBackends, type Backend } from '../helpers/backends';
import { lastReport } from '../helpers/reports';
import { postForm, postJson, startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';
import { eventually, startTestTranslator, translationsOf, type TestTranslator } from '../helpers/translation';

const receiptIn = (html: string) => html.match(/id="receipt-code"[^>]*>(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, '');

/** Personal data planted in the reports: none of it may ever reach a translator. */
const PLANTED = ['Ahmet', 'Yılmaz', '12345678', 'ayse.k@example.org', '0152 9876543', 'Ayşe Demir'];

/** A Turkish report about a landlord, sent through the plain HTML form (as without JavaScript). */
function turkishForm(description: string, consequences = ''): [string, string][] {
  return [
    ['description', description],
    ['incidentForms', 'denial_unequal_treatment'],
    ['grounds', 'racism'],
    ['racismForms', 'anti_turkish_kurdish'],
    ['municipality', 'eschweiler'],
    ['lifeDomain', 'housing'],
    ['whenMonth', '3'],
    ['whenYear', '2026'],
    ['reporterRole', 'affected'],
    ['consequences', consequences],
    ['consent', 'on'],
  ];
}

async function sendTurkishReport(server: TestServer, description: string, consequences = '') {
  const sent = await postForm(`${server.url}/tr/report/send`, turkishForm(description, consequences));
  expect(sent.status).toBe(201);
  const receipt = receiptIn(sent.html)!;
  const row = await server.database.db
    .selectFrom('reports')
    .select(['id', 'description', 'consequences', 'channel', 'locale'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { receipt, row };
}

describe.each(nodeBackends())('on %s', (backend: Backend) => {
  describe.each(['libretranslate', 'model'] as const)('with %s as the translator', (kind) => {
    let translator: TestTranslator;
    let server: TestServer;
    beforeAll(async () => {
      translator = await startTestTranslator(kind);
      server = await startTestServer({ backend, env: await translator.env() });
    });
    afterAll(async () => {
      await server?.close();
      await translator?.close();
    });
    beforeEach(() => translator.reset());

    it('translates a Turkish form report into German from what is stored: no personal data reaches the translator', async () => {
      const { row } = await sendTurkishReport(
        server,
        'Ev sahibi Ahmet Yılmaz bana Türklere daire kiralamadığını söyledi. Telefonum 0176 12345678, e-postam ayse.k@example.org.',
        'Artık otobüse binmekten korkuyorum.',
      );
      expect(row).toMatchObject({ channel: 'form', locale: 'tr' });
      const stored = await eventually(async () => {
        const t = await translationsOf(server, row.id);
        return t.description && t.consequences ? t : null;
      });
      expect(stored.description).toMatchObject({ locale: 'de', machine: 1 });
      expect(stored.description!.body).toContain('Vermieter');
      expect(stored.description!.body).toContain('[isim]');
      expect(stored.consequences!.body).toContain('Bus');
      expect(stored.jobs).toEqual([]);
      // Exactly the stored, anonymised texts were sent, and nothing planted in them.
      expect(translator.sent()).toEqual(expect.arrayContaining([row.description, row.consequences]));
      for (const text of translator.sent()) for (const planted of PLANTED) expect(text).not.toContain(planted);
    });

    it('finds a Turkish form report by a German word of its translation, and by a word of its own', async () => {
      const { row } = await sendTurkishReport(server, 'Ev sahibi bana daireyi vermedi, çünkü adım yabancı.');
      await eventually(async () => (await translationsOf(server, row.id)).description);
      const caseworker = await signedInStaff(server, 'caseworker');
      const ids = async (q: string) =>
        ((await caseworker.get(`/api/staff/reports?q=${encodeURIComponent(q)}`)).json.rows as { id: number }[]).map(
          (r) => r.id,
        );
      expect(await ids('Vermieter')).toContain(row.id);
      expect(await ids('vermiet wohnung')).toContain(row.id);
      expect(await ids('daireyi')).toContain(row.id);
      expect(await ids('Vermieter yabancı')).toContain(row.id);
      expect(await ids('Vermieter Fahrrad')).not.toContain(row.id);
    });

    it("translates a reporter's message from the receipt page into German, after anonymisation", async () => {
      const { receipt, row } = await sendTurkishReport(server, 'Komşum her gün bana hakaret ediyor.');
      const added = await postForm(`${server.url}/tr/receipt/messages`, [
        ['receipt', receipt],
        ['body', 'Ev sahibi yine geldi. Adım Ayşe Demir, numaram 0152 9876543.'],
      ]);
      expect(added.status).toBe(200);
      const message = await eventually(async () => {
        const [m] = (await translationsOf(server, row.id)).messages;
        return m?.translation ? m : null;
      });
      expect(message).toMatchObject({ author: 'reporter', locale: 'tr', translation_locale: 'de' });
      expect(message.translation).toContain('Vermieter');
      expect(message.body).toContain('[isim]');
      for (const text of translator.sent()) for (const planted of PLANTED) expect(text).not.toContain(planted);
    });

    it('stores the report at once while the translator hangs; the translation waits and is retried', async () => {
      if (kind === 'libretranslate') translator.libre!.enqueue({ fault: 'hang' });
      else translator.llm!.enqueue('translate', { fault: 'hang' });
      const { receipt, row } = await sendTurkishReport(server, 'Ev sahibi bana daireyi vermedi.');
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      // The answer came while the translator had not answered: the attempt is still running, or not begun.
      const [job] = (await translationsOf(server, row.id)).jobs;
      expect(job).toMatchObject({ subject: 'description', source: 'tr', target: 'de', last_error: null });
      const failed = await eventually(async () => (await translationsOf(server, row.id)).jobs[0]?.last_error);
      expect(failed).toBe('timeout');
      const status = await postJson(`${server.url}/api/receipt`, { receipt });
      expect(status.status).toBe(200);
    });

    it('deletes translations and waiting jobs with the report when it is withdrawn', async () => {
      const { receipt, row } = await sendTurkishReport(server, 'Ev sahibi bana daireyi vermedi.', 'Çok üzüldüm.');
      await eventually(async () => (await translationsOf(server, row.id)).description);
      await postForm(`${server.url}/tr/receipt/messages`, [
        ['receipt', receipt],
        ['body', 'Bir şey daha: kira çok yüksek.'],
      ]);
      const withdrawn = await postForm(`${server.url}/tr/receipt/withdraw`, [
        ['receipt', receipt],
        ['confirm', 'on'],
      ]);
      expect(withdrawn.status).toBe(303);
      const after = await translationsOf(server, row.id);
      expect(after).toEqual({ description: null, consequences: null, messages: [], jobs: [] });
    });
  });

  describe.each(['libretranslate', 'model'] as const)('with %s down', (kind) => {
    let translator: TestTranslator;
    beforeAll(async () => {
      translator = await startTestTranslator(kind);
    });
    afterAll(async () => {
      await translator?.close();
    });

    it('keeps what was sent while the translator is down, and translates it after a restart', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-translation-'));
      const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
      const start = async (up: boolean) =>
        startTestServer({
          dataDir,
          env: { ...(await translator.env(up)), ...(postgres ? { DATABASE_URL: postgres.url } : {}) },
        });
      let server = await start(false);
      try {
        const { receipt, row } = await sendTurkishReport(server, 'Ev sahibi bana Türklere daire vermediğini söyledi.');
        await postForm(`${server.url}/tr/receipt/messages`, [
          ['receipt', receipt],
          ['body', 'Kira ilanı hâlâ internette.'],
        ]);
        // The first failure ends the pass (the translator is down: the rest wait for the next one).
        const waiting = await eventually(async () => {
          const t = await translationsOf(server, row.id);
          return t.jobs.length === 2 && t.jobs[0]!.last_error ? t : null;
        });
        expect(waiting.jobs.map((j) => [j.subject, Number(j.failed)])).toEqual([
          ['description', 0],
          [`message:${waiting.messages[0]!.id}`, 0],
        ]);
        expect(waiting.jobs[0]!.last_error).toBe('unavailable');
        expect(waiting.description).toBeNull();
        await server.close();

        server = await start(true);
        const translated = await eventually(async () => {
          const t = await translationsOf(server, row.id);
          return t.jobs.length === 0 && t.description && t.messages[0]?.translation ? t : null;
        });
        expect(translated.description!.body).toContain('Vermieter');
        expect(translated.messages[0]!.translation).toContain('Miete');
        const status = await postJson(`${server.url}/api/receipt`, { receipt });
        expect(status.status).toBe(200);
      } finally {
        await server.close();
        await postgres?.drop();
      }
    });
  });

  describe('with LibreTranslate', () => {
    let translator: TestTranslator;
    let server: TestServer;
    /** This server has no Persian; the portal reads that from its list of languages. */
    const languages = ['de', 'en', 'tr'];
    beforeAll(async () => {
      translator = await startTestTranslator('libretranslate');
      translator.libre!.languages = languages;
      server = await startTestServer({
        backend,
        env: { ...(await translator.env()), LIBRETRANSLATE_API_KEY: 'office-key-0001' },
      });
    });
    afterAll(async () => {
      await server?.close();
      await translator?.close();
    });
    beforeEach(() => {
      translator.reset();
      translator.libre!.languages = languages;
    });

    it('sends the API key, the languages and the format as its API asks', async () => {
      translator.libre!.apiKey = 'office-key-0001';
      const { row } = await sendTurkishReport(server, 'Ev sahibi bana daireyi vermedi.');
      await eventually(async () => (await translationsOf(server, row.id)).description);
      expect(translator.libre!.requests[0]).toEqual({
        q: row.description,
        source: 'tr',
        target: 'de',
        format: 'text',
        apiKey: 'office-key-0001',
      });
    });

    it('leaves a language the server does not have to a person, without sending the text', async () => {
      const sent = await postForm(`${server.url}/fa/report/send`, [
        ['description', 'صاحبخانه به من خانه اجاره نداد.'],
        ['incidentForms', 'denial_unequal_treatment'],
        ['consent', 'on'],
      ]);
      expect(sent.status).toBe(201);
      const report = await lastReport(server);
      const [job] = (await translationsOf(server, report.id)).jobs;
      expect(job).toMatchObject({ source: 'fa', last_error: 'unsupported', failed: 1 });
      expect(translator.sent()).toEqual([]);
    });

    it('retries a busy or failing server and takes its answer when it comes', async () => {
      translator.libre!.enqueue({ fault: 'http_500' });
      const { row } = await sendTurkishReport(server, 'Ev sahibi bana daireyi vermedi.');
      const failed = await eventually(async () => (await translationsOf(server, row.id)).jobs[0]?.last_error);
      expect(failed).toBe('server_error');
      // The next attempt comes at the next whole minute; "translate now" is the way not to wait (staff).
      const revived = await server.translation.translateReport(row.id);
      expect(revived).toEqual({ translated: 1, failure: null });
      expect((await translationsOf(server, row.id)).description!.body).toContain('die Wohnung');
    });
  });
});
