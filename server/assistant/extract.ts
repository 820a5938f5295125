import { z } from 'zod';
import { extractionSchema, type Extraction } from '../../shared/assistant';
import { CODED_TOPICS, TOPICS, type AssistantDraft, type CodedTopic, type Topic } from '../../shared/assistant-draft';
import type { Locale } from '../../shared/locales';
import { GROUNDS, INCIDENT_FORMS, LIFE_DOMAINS, OTHER_PLACES, RACISM_FORMS } from '../../shared/taxonomy';
import { isoDay } from '../clock';
import type { Office } from '../office/schema';
import type { ChatMessage, LlmClient } from './llm';
import { renderPrompt, type PromptStore } from './prompts';

export interface ExtractionDeps {
  llm: LlmClient;
  prompts: PromptStore;
  office: Office;
}

type FactField =
  | 'whenDate'
  | 'whenMonth'
  | 'whenYear'
  | 'ongoing'
  | 'municipality'
  | 'online'
  | 'witnesses'
  | 'supportWanted'
  | 'safeNow';

/** What the model read in the conversation, each part checked on its own. A suggestion, never the record. */
export interface ModelReading {
  facts: Partial<Pick<AssistantDraft, FactField>>;
  /** Codes per coded topic: the person's answer for the topic just asked, suggestions for the others. */
  codes: Partial<Pick<AssistantDraft, CodedTopic>>;
  /** What it did to them, quoted word for word from their messages; null when not said or not a quote. */
  consequences: string | null;
  declined: Topic[];
  danger: Extraction['danger'];
  /** The fields of the answer that were not valid and were dropped (names only). */
  dropped: string[];
}

const FACTS: FactField[] = [
  'whenDate',
  'whenMonth',
  'whenYear',
  'ongoing',
  'municipality',
  'online',
  'witnesses',
  'supportWanted',
  'safeNow',
];

/**
 * Asks the model to read the conversation into the draft's fields. The JSON schema it is sent is generated
 * from the zod schema that then checks its answer, field by field: a valid field is taken, an invalid one is
 * dropped, never the whole answer. No retry: the turn has one deadline, and what the model did not give,
 * the parser and the next questions gather.
 */
export function createExtractor({ llm, prompts, office }: ExtractionDeps) {
  const places = [...office.municipalities.map((m) => m.code), ...OTHER_PLACES] as unknown as [string, ...string[]];
  // The schema changes with the day (no date after today): made once a day, not on every turn.
  let made: { day: string; schema: ReturnType<typeof extractionSchema>; json: Record<string, unknown> } | null = null;
  const schemaFor = (today: Date) => {
    if (made?.day !== isoDay(today)) {
      const schema = extractionSchema(places, today);
      const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
      made = { day: isoDay(today), schema, json };
    }
    return made;
  };

  return async function extract(
    input: {
      messages: { role: 'user' | 'assistant'; content: string }[];
      draft: AssistantDraft;
      locale: Locale;
      asking: Topic | null;
    },
    today: Date,
    options: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<ModelReading | null> {
    const { schema, json: jsonSchema } = schemaFor(today);
    const system = renderPrompt(prompts.extract, {
      today: isoDay(today),
      places: office.municipalities
        .map((m) => `${m.code} (${m.name})`)
        .concat(OTHER_PLACES)
        .join(', '),
      life_domains: LIFE_DOMAINS.join(', '),
      incident_forms: INCIDENT_FORMS.join(', '),
      grounds: GROUNDS.join(', '),
      racism_forms: RACISM_FORMS.join(', '),
      topics: TOPICS.join(', '),
      // Servers without JSON-schema output get the schema as text; the others get it as response_format.
      schema:
        llm.settings.structuredOutput === 'json_object'
          ? `\nThe JSON schema of your answer:\n${JSON.stringify(jsonSchema)}`
          : '',
    });
    // The conversation goes in as a JSON document in a user message: data to read, not a chat to continue.
    const { suggested: _suggested, ...gathered } = input.draft;
    const document = JSON.stringify({
      just_asked: input.asking,
      previous_draft: gathered,
      conversation: input.messages.map((m) => ({ [m.role === 'user' ? 'reporter' : 'assistant']: m.content })),
    });
    const messages: ChatMessage[] = [
      { role: 'system', content: system },
      { role: 'user', content: document },
    ];
    const answer = await llm.completeJson(messages, { name: 'report_draft', schema: jsonSchema }, options);
    return readAnswer(answer, schema, input.messages, today);
  };
}
export type Extractor = ReturnType<typeof createExtractor>;

/** Each field of the answer against its own part of the schema; the valid ones are the reading. */
export function readAnswer(
  answer: unknown,
  schema: ReturnType<typeof extractionSchema>,
  messages: { role: 'user' | 'assistant'; content: string }[],
  today: Date,
): ModelReading | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return null;
  const raw = answer as Record<string, unknown>;
  const dropped: string[] = [];
  const valid = <K extends keyof Extraction>(key: K): Extraction[K] | undefined => {
    if (!(key in raw)) return undefined;
    const parsed = schema.shape[key].safeParse(raw[key]);
    if (parsed.success) return parsed.data as Extraction[K];
    dropped.push(key);
    return undefined;
  };

  const facts: ModelReading['facts'] = {};
  for (const key of FACTS) {
    const value = valid(key);
    if (value !== undefined && value !== null) (facts as Record<string, unknown>)[key] = value;
  }
  // One precision at a time, and a month only with its year.
  if (facts.whenDate) {
    delete facts.whenMonth;
    delete facts.whenYear;
  } else if (facts.whenMonth && !facts.whenYear) {
    delete facts.whenMonth;
    dropped.push('whenMonth');
  }
  if (facts.whenYear && facts.whenMonth) {
    const month = `${facts.whenYear}-${String(facts.whenMonth).padStart(2, '0')}`;
    if (month > isoDay(today).slice(0, 7)) {
      delete facts.whenMonth;
      dropped.push('whenMonth');
    }
  }

  const codes: ModelReading['codes'] = {};
  for (const topic of Object.keys(CODED_TOPICS) as CodedTopic[]) {
    const value = valid(topic);
    if (value === undefined || value === null) continue;
    const list = [...new Set(Array.isArray(value) ? value : [value])];
    if (list.length)
      (codes as Record<string, unknown>)[topic] =
        topic === 'lifeDomain' || topic === 'reporterRole' ? list.slice(0, 1) : list;
  }

  // The consequences are the person's own words or nothing: a paraphrase is not what they said.
  const quote = valid('consequences')?.trim() ?? '';
  const own = messages
    .filter((m) => m.role === 'user')
    .map((m) => squash(m.content))
    .join('\n');
  const consequences = quote && own.includes(squash(quote)) ? quote : null;
  if (quote && !consequences) dropped.push('consequences');

  return {
    facts,
    codes,
    consequences,
    declined: valid('declined') ?? [],
    danger: valid('danger') ?? 'none',
    dropped,
  };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
