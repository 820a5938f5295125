import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assistantDraftSchema } from '../../shared/assistant';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';
import { awkwardReplies, schemaFaithful } from '../fake-llm/schema-values';
import { Conversation, emptyExtraction, extraction, fakeLlmEnv } from '../helpers/assistant';
import { nodeBackends } from '../helpers/backends';
import { fixedClock, postForm, startTestServer, type TestServer } from '../helpers/server';
import { lastReport } from '../helpers/reports';
import { signedInStaff } from '../helpers/staff';

/**
 * The assistant against models that keep to the JSON schema and nothing more: what a person says is taken
 * from the valid parts of an answer, never asked for again, never lost; a reply that is empty, marked up,
 * late or in another language becomes the fixed question. The fake fills the schema it is sent
 * (tests/fake-llm/schema-values.ts), or answers as a test scripts it.
 */
const STORY =
  'Er hat vor allen gesagt, dass Leute wie ich hier nichts zu suchen haben, und dann hat er mich nicht mehr hereingelassen. Alle haben zugesehen und niemand hat etwas gesagt.';

describe.each(nodeBackends())('on %s', (backend) => {
  let fake: FakeLlm;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeLlm();
    server = await startTestServer({
      backend,
      clock: fixedClock('2026-12-01T10:00:00Z'),
      env: fakeLlmEnv(fake, { LLM_TURN_TIMEOUT_MS: '1500' }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  async function toReview(c: Conversation, locale = 'de') {
    const review = await postForm(`${server.url}/${locale}/report/review`, c.formFields());
    expect(review.status).toBe(200);
    const sent = await postForm(`${server.url}/${locale}/report/send`, [...c.formFields(), ['consent', 'on']]);
    expect(sent.status).toBe(201);
    return lastReport(server);
  }

  it('takes the valid fields of an answer and drops only the invalid ones', async () => {
    fake.enqueue('extract', {
      json: {
        ...emptyExtraction,
        municipality: 'eschweiler',
        lifeDomain: 'housing',
        whenYear: 2026,
        whenMonth: 13,
        grounds: ['racism', 'aliens'],
      },
    });
    const c = new Conversation(server.url, 'de', 'llm');
    await c.say(STORY);
    expect(c.eventsOf('error')).toEqual([]);
    expect(c.draft).toMatchObject({ municipality: 'eschweiler', whenYear: 2026, whenMonth: null, grounds: [] });
    // A code the person did not choose is a suggestion, not their answer.
    expect(c.draft.lifeDomain).toBeNull();
    expect(c.draft.suggested.lifeDomain).toEqual(['housing']);
    expect(fake.requests.filter((r) => r.task === 'extract')).toHaveLength(1);
  });

  it('sends the model the JSON schema generated from the zod schema that checks its answer', async () => {
    const c = new Conversation(server.url, 'de', 'llm');
    await c.say(STORY);
    const schema = fake.requests.find((r) => r.task === 'extract')!.body.response_format!.json_schema!.schema as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.properties.whenDate).toMatchObject({ anyOf: [{ format: 'date' }, { type: 'null' }] });
    expect(schema.properties.whenMonth).toMatchObject({ anyOf: [{ minimum: 1, maximum: 12 }, { type: 'null' }] });
    expect(schema.properties.whenYear).toMatchObject({ anyOf: [{ maximum: 2026 }, { type: 'null' }] });
    expect(schema.properties.municipality!.anyOf).toContainEqual(
      expect.objectContaining({ enum: expect.arrayContaining(['alsdorf']) }),
    );
    expect(schema).not.toHaveProperty('properties.description');
  });

  it('never asks again for a topic the person just answered', async () => {
    const c = new Conversation(server.url, 'de', 'llm');
    await c.say(STORY);
    expect(c.question?.topic).toBe('safeNow');
    await c.choose('yes');
    expect(c.question?.topic).toBe('when');
    // The model reads nothing; the person's own words are enough.
    await c.say('Es war gestern Abend.');
    expect(c.draft.whenDate).toBe('2026-11-30');
    expect(c.question?.topic).toBe('place');
    await c.say('in Würselen');
    expect(c.draft.municipality).toBe('wuerselen');
    expect(c.questions.filter((t) => t === 'when')).toHaveLength(1);
    expect(c.questions.filter((t) => t === 'place')).toHaveLength(1);
  });

  it('keeps every typed word: the consequences verbatim, an answer it cannot read in the description', async () => {
    const c = new Conversation(server.url, 'de', 'llm');
    await c.say(STORY);
    await c.choose('yes');
    await c.say('Das weiß ich nicht mehr, irgendwann nach den Ferien, als es schon dunkel war');
    await c.say('Da, wo meine Tante wohnt, neben der großen Kirche');
    expect(c.question?.topic).not.toBe('place');
    c.question = { topic: 'consequences', kind: 'text', options: [] };
    await c.say('Seitdem kann ich nachts nicht mehr schlafen.');
    expect(c.draft.consequences).toBe('Seitdem kann ich nachts nicht mehr schlafen.');
    const row = await toReview(c);
    expect(row.consequences).toBe('Seitdem kann ich nachts nicht mehr schlafen.');
    expect(row.description).toContain('neben der großen Kirche');
    expect(row.description).toContain('nach den Ferien');
    expect(row.description).toContain('niemand hat etwas gesagt');
  });

  it('answers an empty or unusable reply with the fixed question, as a message a screen reader announces', async () => {
    for (const text of ['', '   ', '**', '[](https://example.org)']) {
      fake.enqueue('interview', { text });
      const c = new Conversation(server.url, 'de', 'llm');
      await c.say(STORY);
      const [message] = c.eventsOf('message');
      expect(message, JSON.stringify(text)).toEqual({
        text: 'Bevor wir weitermachen: Sind Sie gerade in Sicherheit?',
        fallback: 'unusable',
      });
      expect(c.eventsOf('error')).toEqual([]);
      expect(c.last?.events.at(-1)?.event).toBe('done');
    }
  });

  it('shows model text without markup or links, and never in a language the person neither chose nor writes', async () => {
    fake.enqueue('interview', {
      text: '**Danke**, dass Sie das erzählen. Mehr unter https://example.org/hilfe. Sind Sie gerade in Sicherheit?',
      chunkSize: 3,
    });
    const c = new Conversation(server.url, 'de', 'llm');
    await c.say(STORY);
    expect(c.reply).toBe('Danke, dass Sie das erzählen. Mehr unter. Sind Sie gerade in Sicherheit?');

    fake.enqueue('interview', { text: 'Спасибо, что рассказали. Вы сейчас в безопасности? Это очень важно.' });
    const other = new Conversation(server.url, 'de', 'llm');
    await other.say(STORY);
    expect(other.eventsOf('delta')).toEqual([]);
    expect(other.reply).toBe('Bevor wir weitermachen: Sind Sie gerade in Sicherheit?');
  });

  it('keeps to one deadline per turn: a model too slow to read or to reply gives way to the fixed question', async () => {
    fake.enqueue('extract', { fault: 'hang' });
    const c = new Conversation(server.url, 'de', 'llm');
    await c.say(STORY);
    await c.choose('yes');
    fake.enqueue('extract', { fault: 'hang' });
    fake.enqueue('interview', { text: 'Zu spät.', firstTokenDelayMs: 3000 });
    await c.say('gestern');
    expect(c.draft.whenDate).toBe('2026-11-30');
    expect(c.eventsOf('error')).toEqual([]);
    expect(c.eventsOf('message')).toEqual([
      {
        text: expect.stringMatching(/^Der Assistent braucht gerade zu lange.*In welchem Ort ist es passiert\?$/),
        fallback: 'slow',
      },
    ]);
  });

  it('asks early whether the person is safe now, and shows help at once when they are not', async () => {
    const c = new Conversation(server.url, 'tr', 'llm');
    await c.say(
      'Otobüste bir adam bana bağırdı ve benim gibi insanların burada olmaması gerektiğini söyledi. Kimse bir şey yapmadı, herkes sadece baktı ve ben de otobüsten indim, çok utandım.',
    );
    expect(c.eventsOf('safety')).toEqual([]);
    expect(c.question).toMatchObject({ topic: 'safeNow', kind: 'choice' });
    expect(c.question?.options.map((o) => o.label)).toEqual(['Evet, güvendeyim', 'Hayır', 'Emin değilim']);
    await c.say('hayır, hala dışarıdalar');
    expect(c.last?.events[0]).toEqual({ event: 'safety', data: { danger: 'acute_danger' } });
    const interview = fake.requests.filter((r) => r.task === 'interview').at(-1)!;
    expect(interview.body.messages[0]!.content).toContain('In this message, say only');
  });

  it('stores codes the person did not confirm apart from their coding, marked as inferred for caseworkers', async () => {
    fake.enqueue(
      'extract',
      extraction({ grounds: ['racism'], lifeDomain: 'housing', incidentForms: ['denial_unequal_treatment'] }),
    );
    const c = new Conversation(server.url, 'de', 'llm');
    await c.say(STORY);
    await c.choose('yes');
    await c.choose('this_year');
    await c.choose('alsdorf');
    expect(c.question).toMatchObject({
      topic: 'suggestions',
      picked: ['life_domain:housing', 'incident_form:denial_unequal_treatment', 'ground:racism'],
    });
    // One is confirmed; the others are left unconfirmed by skipping.
    await c.choose('ground:racism');
    expect(c.draft.grounds).toEqual(['racism']);
    expect(c.draft.suggested).toMatchObject({ lifeDomain: [], incidentForms: [] });

    fake.enqueue('extract', extraction({ lifeDomain: 'housing' }));
    const d = new Conversation(server.url, 'de', 'llm');
    await d.say(STORY);
    await d.choose('yes');
    await d.choose('this_year');
    await d.choose('alsdorf');
    expect(d.question?.topic).toBe('suggestions');
    await d.skip();
    expect(d.formFields()).toContainEqual(['inferredCodes', 'life_domain:housing']);
    // The review screen shows them apart, each with a tick the person can take away.
    const review = await postForm(`${server.url}/de/report/review`, d.formFields());
    expect(review.html).toContain('Vom Assistenten vermutet');
    expect(review.html).toMatch(
      /<input type="checkbox" id="inferred-0" name="inferredCodes" value="life_domain:housing" checked/,
    );
    const row = await toReview(d);
    const db = server.database.db;
    expect(
      await db
        .selectFrom('report_inferred_codes')
        .select(['dimension', 'code'])
        .where('report_id', '=', row.id)
        .execute(),
    ).toEqual([{ dimension: 'life_domain', code: 'housing' }]);
    expect(
      await db
        .selectFrom('report_codes')
        .selectAll()
        .where('report_id', '=', row.id)
        .where('dimension', '=', 'life_domain')
        .execute(),
    ).toEqual([]);
    expect(row.effective_codes).not.toContain('housing');

    const staff = await signedInStaff(server, 'caseworker');
    const view = await staff.get(`/api/staff/reports/${row.id}`);
    expect(view.json.codes).toContainEqual({ coder: 'inferred', dimension: 'life_domain', code: 'housing' });
    const page = await staff.get(`/staff/reports/${row.id}`);
    expect(page.text).toContain('Vom Assistenten vermutet (nicht bestätigt)');
  });

  it('stays robust against a model that fills the schema with any valid values, edge cases included', async () => {
    for (const seed of [1, 2, 3, 4]) {
      fake.reset();
      fake.respondWith('extract', schemaFaithful(seed));
      fake.respondWith('interview', awkwardReplies(seed));
      const c = new Conversation(server.url, 'de', 'llm');
      await c.say(STORY);
      const typed = ['gestern', 'in Stolberg', 'Ich kann seitdem schlecht schlafen und habe Angst im Bus.'];
      for (let turn = 0; turn < 10 && !c.complete; turn++) {
        const options = c.question?.options ?? [];
        if (c.question?.kind === 'text' || options.length === 0) await c.say(typed[turn % typed.length]!);
        else if (turn % 3 === 2) await c.say(typed[turn % typed.length]!);
        else await c.choose(c.question!.picked?.[0] ?? options[0]!.value);
        expect(c.eventsOf('error'), `seed ${seed}`).toEqual([]);
        expect(assistantDraftSchema.safeParse(c.draft).success, `seed ${seed}`).toBe(true);
        expect(c.reply.trim(), `seed ${seed}`).not.toBe('');
      }
      const asked = c.questions.filter((t) => t !== 'description');
      expect(new Set(asked).size, `seed ${seed}: ${asked.join(', ')}`).toBe(asked.length);
      expect(c.draft.description).toContain('niemand hat etwas gesagt');
      const row = await toReview(c);
      expect(row.description).toContain('niemand hat etwas gesagt');
    }
  });
});
