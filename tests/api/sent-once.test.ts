import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { nodeBackends, testBackends } from '../helpers/backends';
import { hiddenFields, textOf } from '../helpers/html';
import { postForm, startTestServer, type TestServer } from '../helpers/server';

/**
 * Every form that creates something is sent once: a reload or a repeated post of the review screen or of a
 * receipt message stores nothing new. And the review screen's promise: what is stored is what it showed.
 */
describe.each(nodeBackends())('sent once, stored as shown, on %s', (backend) => {
  let server: TestServer;
  const clock = fixedClock('2026-11-03T10:00:00Z');
  beforeAll(async () => {
    server = await startTestServer({ backend, clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  const db = () => server.database.db;
  const reportCount = async () =>
    Number(
      (
        await db()
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const receiptIn = (html: string) => textOf(html, 'receipt-code');

  /** The form as a person fetches it, its one-time token, and the review screen for these answers. */
  async function review(locale: string, answers: [string, string][]) {
    const form = await fetch(`${server.url}/${locale}/report`).then((r) => r.text());
    const token = hiddenFields(form, 'report-form').find(([name]) => name === 'sendToken')![1];
    const page = await postForm(`${server.url}/${locale}/report/review`, [...answers, ['sendToken', token]]);
    expect(page.status).toBe(200);
    return { html: page.html, fields: hiddenFields(page.html, 'review-form') };
  }

  const answers: [string, string][] = [
    ['description', 'Herr Becker vom Ordnungsamt hat mich angeschrien. Meine Nummer: 0176 98765432.'],
    ['municipality', 'stolberg'],
    ['lifeDomain', 'authorities'],
  ];

  it('stores a review form sent twice once, and says "already sent" in the reporter\'s language', async () => {
    const before = await reportCount();
    const { fields } = await review('ar', answers);
    const first = await postForm(`${server.url}/ar/report/send`, [...fields, ['consent', 'on']]);
    expect(first.status).toBe(201);
    expect(receiptIn(first.html)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // A reload of the receipt page posts the same form again.
    const again = await postForm(`${server.url}/ar/report/send`, [...fields, ['consent', 'on']]);
    expect(again.status).toBe(409);
    expect(again.html).toContain('وصل هذا البلاغ من قبل');
    expect(again.html).toContain('يُرجى استخدام الرمز من تلك الشاشة الأولى');
    expect(again.html).not.toContain('receipt-code');
    expect(await reportCount()).toBe(before + 1);
  });

  it('stores nothing for a repeat that comes with other answers under the same token', async () => {
    const before = await reportCount();
    const { fields } = await review('de', answers);
    expect((await postForm(`${server.url}/de/report/send`, [...fields, ['consent', 'on']])).status).toBe(201);
    const changed = fields.map(([n, v]): [string, string] => (n === 'lifeDomain' ? [n, 'housing'] : [n, v]));
    const repeat = await postForm(`${server.url}/de/report/send`, [...changed, ['consent', 'on']]);
    expect(repeat.status).toBe(409);
    expect(repeat.html).toContain('Diese Meldung ist schon angekommen');
    expect(await reportCount()).toBe(before + 1);
  });

  it('stores one report when the same form arrives twice at once (a double tap on a slow network)', async () => {
    const before = await reportCount();
    const { fields } = await review('de', answers);
    const send = () => postForm(`${server.url}/de/report/send`, [...fields, ['consent', 'on']]);
    const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    expect(await reportCount()).toBe(before + 1);
  });

  it('stores exactly the text the review screen showed, without the words the reporter removed', async () => {
    const first = await review('de', answers);
    const before = textOf(first.html, 'stored-description');
    expect(before).toContain('Ordnungsamt');
    // The reporter removes "Ordnungsamt": words are counted outside the placeholders.
    const word = before
      .replace(/\[[^\]]*\]/g, ' ')
      .match(/[\p{L}\p{N}]+/gu)!
      .indexOf('Ordnungsamt');
    const withRemoval = await postForm(`${server.url}/de/report/review`, [
      ...first.fields.map(([n, v]): [string, string] => (n === 'removedDescription' ? [n, String(word)] : [n, v])),
    ]);
    const shown = textOf(withRemoval.html, 'stored-description');
    expect(shown).toBe(before.replace('Ordnungsamt', '[entfernt]'));
    expect(shown).toContain('[Telefon]');
    const sent = await postForm(`${server.url}/de/report/send`, [
      ...hiddenFields(withRemoval.html, 'review-form'),
      ['consent', 'on'],
    ]);
    expect(sent.status).toBe(201);
    const stored = await db()
      .selectFrom('reports')
      .select('description')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.description).toBe(shown);
  });

  it('stores nothing when the text to be stored is not the one shown, and shows it again', async () => {
    const before = await reportCount();
    const { fields } = await review('de', answers);
    // Another list of removals than the one the digest was made for: what would be stored was never shown.
    const tampered = fields.map(([n, v]): [string, string] => (n === 'removedDescription' ? [n, '0 1 2'] : [n, v]));
    const res = await postForm(`${server.url}/de/report/send`, [...tampered, ['consent', 'on']]);
    expect(res.status).toBe(409);
    expect(res.html).toContain('Der Text, der gespeichert würde, hat sich geändert. Es wurde nichts gesendet.');
    expect(textOf(res.html, 'stored-description')).toContain('Ordnungsamt');
    expect(await reportCount()).toBe(before);
  });

  it('never sends an edited text unchecked: it is anonymised again and shown once more', async () => {
    const before = await reportCount();
    const { fields } = await review('de', answers);
    const edited = 'Ein Mitarbeiter vom Amt hat mich angeschrien. Frau Schmidt war auch da.';
    const res = await postForm(`${server.url}/de/report/send`, [
      ...fields,
      ['editedDescription', edited],
      ['consent', 'on'],
    ]);
    expect(res.status).toBe(200);
    expect(res.html).toContain('Wir haben Ihren geänderten Text noch einmal geprüft.');
    const shown = textOf(res.html, 'stored-description');
    expect(shown).toMatch(/^Ein Mitarbeiter vom Amt hat mich angeschrien\. (Frau )?\[Name\] war auch da\.$/);
    expect(await reportCount()).toBe(before);

    const sent = await postForm(`${server.url}/de/report/send`, [
      ...hiddenFields(res.html, 'review-form'),
      ['consent', 'on'],
    ]);
    expect(sent.status).toBe(201);
    const stored = await db()
      .selectFrom('reports')
      .select('description')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.description).toBe(shown);
  });

  it('stores a receipt message sent twice once', async () => {
    const { fields } = await review('de', answers);
    const receipt = receiptIn((await postForm(`${server.url}/de/report/send`, [...fields, ['consent', 'on']])).html);
    const status = await postForm(`${server.url}/de/receipt`, [['receipt', receipt]]);
    const token = status.html.match(/name="messageToken" value="([^"]+)"/)![1]!;
    const post = () =>
      postForm(`${server.url}/de/receipt/messages`, [
        ['receipt', receipt],
        ['messageToken', token],
        ['body', 'Noch etwas: es war an einem Dienstag.'],
      ]);
    const first = await post();
    expect(first.html).toContain('Ihre Nachricht ist gespeichert.');
    const again = await post();
    expect(again.status).toBe(200);
    expect(again.html).toContain('Diese Nachricht war schon gesendet. Wir haben sie nicht noch einmal gespeichert.');
    const report = await db().selectFrom('reports').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const messages = await db().selectFrom('report_messages').selectAll().where('report_id', '=', report.id).execute();
    expect(messages.map((m) => m.body)).toEqual(['Noch etwas: es war an einem Dienstag.']);
  });

  it('keeps only keyed hashes of used tokens, and forgets them after a day', async () => {
    const { fields } = await review('de', answers);
    const token = fields.find(([n]) => n === 'sendToken')![1];
    await postForm(`${server.url}/de/report/send`, [...fields, ['consent', 'on']]);
    const rows = await db().selectFrom('sent_tokens').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.every((r) => r.sent_on === '2026-11-03')).toBe(true);

    clock.set('2026-11-05T09:00:00Z');
    const next = await review('de', answers);
    await postForm(`${server.url}/de/report/send`, [...next.fields, ['consent', 'on']]);
    const left = await db().selectFrom('sent_tokens').select('sent_on').execute();
    expect(left.map((r) => r.sent_on)).toEqual(['2026-11-05']);
  });
});

/** The same promise through HTTP alone, so that it holds on every backend, the Worker over D1 included. */
describe.each(testBackends())('sent once over HTTP on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a repeated report and a repeated message with "already sent"', async () => {
    const form = await fetch(`${server.url}/de/report`).then((r) => r.text());
    const token = hiddenFields(form, 'report-form').find(([name]) => name === 'sendToken')![1];
    const review = await postForm(`${server.url}/de/report/review`, [
      ['description', 'Im Bus wurde ich beschimpft.'],
      ['sendToken', token],
    ]);
    const fields: [string, string][] = [...hiddenFields(review.html, 'review-form'), ['consent', 'on']];
    const first = await postForm(`${server.url}/de/report/send`, fields);
    expect(first.status).toBe(201);
    expect((await postForm(`${server.url}/de/report/send`, fields)).status).toBe(409);

    const receipt = textOf(first.html, 'receipt-code');
    const status = await postForm(`${server.url}/de/receipt`, [['receipt', receipt]]);
    const message: [string, string][] = [
      ['receipt', receipt],
      ['messageToken', status.html.match(/name="messageToken" value="([^"]+)"/)![1]!],
      ['body', 'Noch etwas.'],
    ];
    expect((await postForm(`${server.url}/de/receipt/messages`, message)).html).toContain(
      'Ihre Nachricht ist gespeichert.',
    );
    const again = await postForm(`${server.url}/de/receipt/messages`, message);
    expect(again.html).toContain('Diese Nachricht war schon gesendet.');
    expect(again.html.match(/class="message from-reporter"/g)).toHaveLength(1);
  });
});
