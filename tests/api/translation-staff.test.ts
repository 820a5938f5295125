import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { phraseText } from '../../shared/i18n/phrasebook';
import { nodeBackends, type Backend } from '../helpers/backends';
import { runRetention } from '../../server/retention/job';
import { fixedClock, postForm, startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';
import { eventually, startTestTranslator, translationsOf, type TestTranslator } from '../helpers/translation';

/** A page's text as a person reads it: tags gone, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const receiptIn = (html: string) => html.match(/id="receipt-code"[^>]*>(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, '');

/** A report sent through the plain HTML form in the reporter's language; its id and receipt code. */
async function sendReport(server: TestServer, locale: string, description: string) {
  const sent = await postForm(`${server.url}/${locale}/report/send`, [
    ['description', description],
    ['incidentForms', 'denial_unequal_treatment'],
    ['lifeDomain', 'housing'],
    ['consent', 'on'],
  ]);
  expect(sent.status).toBe(201);
  const row = await server.database.db
    .selectFrom('reports')
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { id: row.id, receipt: receiptIn(sent.html)! };
}

/** The receipt page as the reporter sees it in their language (the HTML form, as without JavaScript). */
async function receiptPage(server: TestServer, locale: string, receipt: string) {
  const page = await postForm(`${server.url}/${locale}/receipt`, [['receipt', receipt]]);
  expect(page.status).toBe(200);
  return page.html;
}

/** The report's page as a caseworker's browser posts to it: forms with the session's CSRF token. */
const postPage = (staff: StaffClient, path: string, form: [string, string][]) =>
  staff.request('POST', path, { form: [['_csrf', staff.csrfToken], ...form] });

describe.each(nodeBackends())('the back office across languages, on %s', (backend: Backend) => {
  describe('with a LibreTranslate server', () => {
    let translator: TestTranslator;
    let server: TestServer;
    let staff: StaffClient;
    beforeAll(async () => {
      translator = await startTestTranslator('libretranslate');
      server = await startTestServer({ backend, env: await translator.env() });
      staff = await signedInStaff(server, 'caseworker');
    });
    afterAll(async () => {
      await server?.close();
      await translator?.close();
    });
    beforeEach(() => translator.reset());

    it('shows the caseworker what the reporter will read, and the reporter reads the reply in Turkish', async () => {
      const { id, receipt } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      // The report's own translation first, so that what reaches the translator below is the reply alone.
      await eventually(async () => (await translationsOf(server, id)).description);
      const words = 'Vielen Dank für Ihre Nachricht. Wir rufen Sie nicht an.';

      // Before sending: the phrase from the phrasebook and the words as the translator renders them.
      const preview = await staff.post(`/api/staff/reports/${id}/messages/preview`, {
        phrase: 'more_detail',
        body: words,
        intent: 'preview',
      });
      expect(preview.status).toBe(200);
      expect(preview.json).toEqual({
        reader: 'tr',
        body: words,
        phrase: phraseText('more_detail', 'tr'),
        translation: 'Mesajınız için çok teşekkür ederiz. sizi aramayacağız.',
        seal: expect.any(String),
        failure: null,
      });
      expect(await translationsOf(server, id).then((t) => t.messages)).toEqual([]);
      // The same preview on the page, without JavaScript: the form comes back filled, nothing is sent.
      const page = await postPage(staff, `/staff/reports/${id}/messages/preview`, [
        ['phrase', 'more_detail'],
        ['body', words],
        ['intent', 'preview'],
      ]);
      expect(page.status).toBe(200);
      expect(textOf(page.text)).toContain('So liest die Person die Antwort (Türkçe (tr)) – noch nicht gesendet');
      expect(page.text).toContain('sizi aramayacağız');
      expect(page.text).toMatch(/<textarea[^>]*>Vielen Dank für Ihre Nachricht\. Wir rufen Sie nicht an\.<\/textarea>/);
      expect(page.text).toMatch(/value="more_detail"[^>]*checked/);

      // The page carries the previewed translation with the send button, sealed.
      const carried = (name: string) =>
        page.text.match(new RegExp(`type="hidden" name="${name}" value="([^"]*)"`))?.[1];
      expect(carried('translation')).toBe('Mesajınız için çok teşekkür ederiz. sizi aramayacağız.');
      const sent = await postPage(staff, `/staff/reports/${id}/messages`, [
        ['phrase', 'more_detail'],
        ['body', words],
        ['translation', carried('translation')!],
        ['seal', carried('seal')!],
        ['intent', 'send'],
      ]);
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe(`/staff/reports/${id}?notice=notices.reply_sent`);
      // Stored with the reply as previewed: nothing waits.
      const { messages, jobs } = await translationsOf(server, id);
      expect(jobs.filter((j) => j.subject.startsWith('message:'))).toEqual([]);
      const [message] = messages;
      expect(message).toMatchObject({
        author: 'office',
        phrase: 'more_detail',
        body: words,
        locale: 'de',
        translation: 'Mesajınız için çok teşekkür ederiz. sizi aramayacağız.',
        translation_locale: 'tr',
      });
      expect(translator.libre!.requests.at(-1)).toMatchObject({ q: words, source: 'de', target: 'tr' });

      // The reporter: the reviewed phrase, then the words machine translated and said so, the German one tap away.
      const html = await receiptPage(server, 'tr', receipt);
      const text = textOf(html);
      expect(text).toContain(phraseText('more_detail', 'tr'));
      expect(text).toContain('Almancadan makine çevirisi. Çeviride hatalar olabilir.');
      expect(text).toContain('Mesajınız için çok teşekkür ederiz. sizi aramayacağız.');
      expect(html).toMatch(/<details class="original"><summary>Almanca aslını göster<\/summary>/);
      expect(html).toContain(`lang="de" dir="ltr">${phraseText('more_detail', 'de')}`);

      // The caseworker sees under the sent message what the reporter reads.
      const report = textOf((await staff.get(`/staff/reports/${id}`)).text);
      expect(report).toContain('So liest die Person die Nachricht (Türkçe (tr))');
      expect(report).toContain('maschinelle Übersetzung');
    });

    it('stores the reply with the very translation the caseworker previewed, and never a changed one', async () => {
      const { id } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      await eventually(async () => (await translationsOf(server, id)).description);
      // This time the translator words it its own way: the reporter must read what the caseworker saw.
      translator.libre!.enqueue({ text: 'Önizlemede görülen çeviri.' });
      const words = 'Wir melden uns bald.';
      const preview = await staff.post(`/api/staff/reports/${id}/messages/preview`, { body: words, intent: 'preview' });
      expect(preview.json.translation).toBe('Önizlemede görülen çeviri.');
      const asked = translator.libre!.requests.length;
      const sent = await staff.post(`/api/staff/reports/${id}/messages`, {
        body: words,
        translation: preview.json.translation,
        seal: preview.json.seal,
      });
      expect(sent.status).toBe(201);
      const stored = await translationsOf(server, id);
      expect(stored.messages[0]).toMatchObject({ translation: 'Önizlemede görülen çeviri.', translation_locale: 'tr' });
      expect(stored.jobs).toEqual([]);
      expect(translator.libre!.requests).toHaveLength(asked);

      // A translation changed on the way (or words changed after the preview) is no machine's: made anew.
      for (const changed of [
        { body: words, translation: 'Başka bir şey.' },
        { body: 'Wir melden uns morgen.', translation: preview.json.translation },
      ]) {
        await staff.post(`/api/staff/reports/${id}/messages`, { ...changed, seal: preview.json.seal });
        const latest = await eventually(async () => {
          const m = (await translationsOf(server, id)).messages.at(-1);
          return m?.body === changed.body && m.translation ? m : null;
        });
        expect(latest.translation).toBe(changed.body);
      }
    });

    it("shows a reporter's message with its German machine translation beside it, marked", async () => {
      const { id, receipt } = await sendReport(server, 'tr', 'Komşum bana hakaret ediyor.');
      await postForm(`${server.url}/tr/receipt/messages`, [
        ['receipt', receipt],
        ['body', 'Ev sahibi kira istedi.'],
      ]);
      await eventually(async () => (await translationsOf(server, id)).messages[0]?.translation);
      const html = (await staff.get(`/staff/reports/${id}`)).text;
      expect(html).toContain('<p class="body" lang="tr" dir="ltr">Ev sahibi kira istedi.</p>');
      expect(html).toMatch(
        /Deutsche Übersetzung<span class="tag">maschinell – bitte prüfen<\/span><\/p><p class="body" lang="de" dir="ltr">Vermieter Miete istedi\.<\/p>/,
      );
      expect(textOf(html)).toContain('Sprache Türkçe (tr)');
    });

    it('shows what waits for its translation, and "translate now" makes it once the translator is back', async () => {
      translator.libre!.fault = 'down';
      const { id } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      await eventually(async () => (await translationsOf(server, id)).jobs[0]?.last_error);
      const view = await staff.get(`/api/staff/reports/${id}`);
      expect(view.json.translating).toEqual({
        configured: true,
        pending: [{ subject: 'description', failed: false, lastError: 'unavailable' }],
      });
      const waiting = textOf((await staff.get(`/staff/reports/${id}`)).text);
      expect(waiting).toContain('Übersetzung ausstehend');
      expect(waiting).toContain('Der Übersetzungsdienst war zuletzt nicht erreichbar.');

      // Still down: "translate now" says so and keeps the job.
      const refused = await postPage(staff, `/staff/reports/${id}/translate`, []);
      expect(refused.headers.get('location')).toBe(`/staff/reports/${id}?error=errors.translation_failed`);
      expect((await translationsOf(server, id)).jobs).toHaveLength(1);

      translator.libre!.fault = null;
      const done = await postPage(staff, `/staff/reports/${id}/translate`, []);
      expect(done.headers.get('location')).toBe(`/staff/reports/${id}?notice=notices.translated`);
      const after = await translationsOf(server, id);
      expect(after.description).toMatchObject({ body: 'Vermieter mir die Wohnung vermedi.', machine: 1 });
      expect(after.jobs).toEqual([]);
      expect(textOf((await staff.get(`/staff/reports/${id}`)).text)).not.toContain('Übersetzung ausstehend');
    });

    it('sends the reply while the translator fails or talks nonsense; the reporter reads it in German until then', async () => {
      const { id, receipt } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      await eventually(async () => (await translationsOf(server, id)).description);
      // Nonsense (not LibreTranslate's answer) in the preview: said, and the reply can still be sent.
      translator.libre!.enqueue({ fault: 'malformed' }, { fault: 'malformed' });
      const preview = await staff.post(`/api/staff/reports/${id}/messages/preview`, {
        body: 'Wir melden uns bald.',
        intent: 'preview',
      });
      expect(preview.json).toMatchObject({ translation: null, failure: 'malformed' });
      translator.libre!.fault = 'down';
      const sent = await staff.post(`/api/staff/reports/${id}/messages`, { body: 'Wir melden uns bald.' });
      expect(sent.status).toBe(201);
      await eventually(async () => (await translationsOf(server, id)).jobs[0]?.last_error);
      const html = await receiptPage(server, 'tr', receipt);
      expect(textOf(html)).toContain('Bu mesaj Almanca.');
      expect(html).toContain('lang="de" dir="ltr">Wir melden uns bald.</p>');
      translator.libre!.fault = null;
    });

    it('refuses a reply with neither a phrase nor words, or an unknown phrase, and stores nothing', async () => {
      const { id } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      const empty = await staff.post(`/api/staff/reports/${id}/messages`, { body: '  ' });
      expect(empty.status).toBe(422);
      expect(empty.json.error).toMatchObject({
        code: 'errors.validation',
        fields: { body: 'Bitte schreiben Sie eine Nachricht.' },
      });
      const unknown = await staff.post(`/api/staff/reports/${id}/messages`, { phrase: 'hello', body: 'x' });
      expect(unknown.status).toBe(422);
      const page = await postPage(staff, `/staff/reports/${id}/messages`, [
        ['phrase', ''],
        ['body', ''],
      ]);
      expect(page.headers.get('location')).toBe(`/staff/reports/${id}?error=errors.message_required`);
      expect((await translationsOf(server, id)).messages).toEqual([]);
    });

    it('translates a Turkish report a caseworker entered (received by phone) after anonymising it', async () => {
      const entered = await staff.post('/api/staff/reports', {
        locale: 'tr',
        receivedVia: 'phone',
        description: 'Ev sahibi Ahmet Yılmaz bana daireyi vermedi.',
        incidentForms: ['denial_unequal_treatment'],
        consent: true,
      });
      expect(entered.status).toBe(201);
      const { id } = await server.database.db
        .selectFrom('reports')
        .select('id')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const { description } = await eventually(async () => {
        const t = await translationsOf(server, id);
        return t.description ? t : null;
      });
      expect(description!.body).toContain('Vermieter');
      expect(translator.sent().join(' ')).not.toContain('Ahmet');
    });

    it('filters the inbox by the language of the report', async () => {
      const { id: turkish } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      const { id: german } = await sendReport(server, 'de', 'Der Vermieter gab mir die Wohnung nicht.');
      const ids = async (query: string) =>
        ((await staff.get(`/api/staff/reports?${query}`)).json.rows as { id: number }[]).map((r) => r.id);
      expect(await ids('language=tr')).toContain(turkish);
      expect(await ids('language=tr')).not.toContain(german);
      expect(await ids('language=de')).toContain(german);
      expect((await staff.get('/api/staff/reports?language=xx')).status).toBe(422);
      const inbox = (await staff.get('/staff/inbox?language=tr')).text;
      expect(inbox).toMatch(/<option value="tr" selected[^>]*>Türkçe \(tr\)<\/option>/);
    });

    // Last here: the retention run also ends the sessions of the day.
    it('lets translations and waiting jobs go with the text when the retention period ends', async () => {
      const { id, receipt } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      await eventually(async () => (await translationsOf(server, id)).description);
      await staff.post(`/api/staff/reports/${id}/messages`, { phrase: 'acknowledge', body: 'Wohnung' });
      await eventually(async () => (await translationsOf(server, id)).messages[0]?.translation);
      translator.libre!.fault = 'down';
      await postForm(`${server.url}/tr/receipt/messages`, [
        ['receipt', receipt],
        ['body', 'Kira çok yüksek.'],
      ]);
      await eventually(async () => (await translationsOf(server, id)).jobs[0]?.last_error);
      translator.libre!.fault = null;
      for (const status of ['in_review', 'closed'])
        expect((await staff.post(`/api/staff/reports/${id}/status`, { status })).status).toBe(200);

      const later = fixedClock(new Date(Date.now() + 25 * 31 * 24 * 3600_000).toISOString());
      const db = server.database;
      await runRetention({ db: db.db, atomic: db.atomic, dialect: db.kind, clock: later, config: server.config });
      expect(await translationsOf(server, id)).toEqual({
        description: null,
        consequences: null,
        messages: [],
        jobs: [],
      });
      // Nor can the words of the translation find the report any more (the retention run also ended sessions).
      const row = await db.db
        .selectFrom('reports')
        .select('search_translation')
        .where('id', '=', id)
        .executeTakeFirst();
      expect(row?.search_translation ?? '').toBe('');
    });
  });

  describe('with a model that talks nonsense', () => {
    let translator: TestTranslator;
    let server: TestServer;
    let staff: StaffClient;
    beforeAll(async () => {
      translator = await startTestTranslator('model');
      server = await startTestServer({ backend, env: await translator.env() });
      staff = await signedInStaff(server, 'caseworker');
    });
    afterAll(async () => {
      await server?.close();
      await translator?.close();
    });

    it('keeps nonsense off the pages: an empty or run-on answer is no translation, and the text waits for a real one', async () => {
      const ramble = 'Natürlich! Gerne erkläre ich Ihnen, worum es in diesem Text geht. '.repeat(20);
      translator.llm!.enqueue('translate', { text: '' }, { text: ramble });
      const { id, receipt } = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi.');
      await eventually(async () => (await translationsOf(server, id)).jobs[0]?.last_error);
      // An empty answer is the model declining the text: it would decline again, so it waits for a person.
      expect((await translationsOf(server, id)).jobs[0]).toMatchObject({ last_error: 'rejected', failed: 1 });
      // Tried again by a person: the answer runs on, and is no translation either.
      const again = await postPage(staff, `/staff/reports/${id}/translate`, []);
      expect(again.headers.get('location')).toBe(`/staff/reports/${id}?error=errors.translation_failed`);
      const waiting = await translationsOf(server, id);
      expect(waiting.description).toBeNull();
      expect(textOf((await staff.get(`/staff/reports/${id}`)).text)).toContain(
        'Der Übersetzungsdienst hat zuletzt keine brauchbare Übersetzung geliefert.',
      );
      expect((await postForm(`${server.url}/tr/receipt`, [['receipt', receipt]])).status).toBe(200);
      // The model makes sense again: the translation comes.
      await postPage(staff, `/staff/reports/${id}/translate`, []);
      expect((await translationsOf(server, id)).description?.body).toContain('Vermieter');
    });
  });

  describe('without any translation backend', () => {
    let server: TestServer;
    let staff: StaffClient;
    beforeAll(async () => {
      server = await startTestServer({ backend, env: { TRANSLATION_BACKEND: 'none', LLM_ENABLED: 'false' } });
      staff = await signedInStaff(server, 'caseworker');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('answers an Arabic report from the phrasebook; the reporter reads it in Arabic, the German words marked', async () => {
      const { id, receipt } = await sendReport(server, 'ar', 'صاحب البيت لم يعطني الشقة.');
      const html = (await staff.get(`/staff/reports/${id}`)).text;
      expect(html).toContain('<div class="stored-text" lang="ar" dir="rtl">صاحب البيت لم يعطني الشقة.</div>');
      expect(textOf(html)).toContain('Kein Übersetzungsdienst eingerichtet: Die Meldung ist in العربية (ar).');
      const preview = await staff.post(`/api/staff/reports/${id}/messages/preview`, {
        phrase: 'acknowledge',
        body: 'Bis bald.',
        intent: 'preview',
      });
      expect(preview.json).toEqual({
        reader: 'ar',
        body: 'Bis bald.',
        phrase: phraseText('acknowledge', 'ar'),
        translation: null,
        seal: null,
        failure: 'unavailable',
      });
      expect(
        (await staff.post(`/api/staff/reports/${id}/messages`, { phrase: 'acknowledge', body: 'Bis bald.' })).status,
      ).toBe(201);
      expect((await translationsOf(server, id)).jobs).toEqual([]);

      const receiptHtml = await receiptPage(server, 'ar', receipt);
      expect(receiptHtml).toContain(`<p class="body" lang="ar" dir="rtl">${phraseText('acknowledge', 'ar')}</p>`);
      expect(receiptHtml).toContain('<p class="body" lang="de" dir="ltr">Bis bald.</p>');
      expect(textOf(receiptHtml)).toContain('هذا الجزء باللغة الألمانية:');
      // A reviewed phrase is not a machine's: nothing is said to be machine translated.
      expect(textOf(receiptHtml)).not.toContain('آلية');
    });
  });
});
