import { z } from 'zod';
import type { AssistantDraft } from './assistant-draft';
import { noSuggestions, TOPICS } from './assistant-draft';
import {
  ASSISTANT_CONVERSATION_MAX,
  ASSISTANT_MESSAGE_MAX,
  ASSISTANT_TURNS_MAX,
  CONSEQUENCES_MAX,
  DESCRIPTION_MAX,
  EARLIEST_YEAR,
} from './limits';
import { LOCALES } from './locales';
import { GROUNDS, INCIDENT_FORMS, LIFE_DOMAINS, RACISM_FORMS, REPORTER_ROLES, WITNESS_ANSWERS } from './taxonomy';

const invalidChoice = { error: 'errors.invalid_choice' } as const;
const codes = <T extends readonly [string, ...string[]]>(list: T) =>
  z.array(z.enum(list, invalidChoice)).max(list.length, invalidChoice);

/** The draft as the browser sends it back: every field present, codes checked, text bounded. */
export const assistantDraftSchema = z.strictObject({
  description: z.string().max(DESCRIPTION_MAX, 'errors.description_too_long'),
  whenDate: z.iso.date({ error: 'errors.invalid_date' }).nullable(),
  whenMonth: z.number().int().min(1).max(12, 'errors.invalid_date').nullable(),
  whenYear: z.number().int().min(1900).max(2999, 'errors.invalid_date').nullable(),
  ongoing: z.boolean().nullable(),
  municipality: z.string().max(64).nullable(),
  online: z.boolean().nullable(),
  lifeDomain: z.enum(LIFE_DOMAINS, invalidChoice).nullable(),
  incidentForms: codes(INCIDENT_FORMS),
  grounds: codes(GROUNDS),
  racismForms: codes(RACISM_FORMS),
  reporterRole: z.enum(REPORTER_ROLES, invalidChoice).nullable(),
  witnesses: z.enum(WITNESS_ANSWERS, invalidChoice).nullable(),
  consequences: z.string().max(CONSEQUENCES_MAX, 'errors.text_too_long'),
  supportWanted: z.boolean().nullable(),
  safeNow: z.boolean().nullable().default(null),
  suggested: z
    .strictObject({
      lifeDomain: codes(LIFE_DOMAINS),
      incidentForms: codes(INCIDENT_FORMS),
      grounds: codes(GROUNDS),
      racismForms: codes(RACISM_FORMS),
      reporterRole: codes(REPORTER_ROLES),
    })
    .default(noSuggestions),
}) satisfies z.ZodType<AssistantDraft, unknown>;

const topic = z.enum(TOPICS, invalidChoice);

const chatMessage = z.strictObject({
  role: z.enum(['user', 'assistant'], invalidChoice),
  content: z.string().max(ASSISTANT_MESSAGE_MAX, 'errors.assistant_message_too_long'),
});

/**
 * One turn: the whole conversation so far (the server keeps none), the draft, and what the reporter did.
 * `say`: the last message is the reporter's new text. `choose`: a quick reply for the topic asked about.
 * `skip`: leave that topic out. `resume`: only ask the next question (after switching to fixed questions).
 */
export const assistantTurnSchema = z
  .strictObject({
    locale: z.enum(LOCALES, invalidChoice).default('de'),
    mode: z.enum(['llm', 'scripted'], invalidChoice),
    messages: z.array(chatMessage).max(ASSISTANT_TURNS_MAX * 2 + 2, 'errors.assistant_too_many_turns'),
    draft: assistantDraftSchema,
    skipped: z.array(topic).max(TOPICS.length),
    /** Every question asked so far, in order: a topic once asked and answered is never asked again. */
    asked: z
      .array(topic)
      .max(ASSISTANT_TURNS_MAX * 2, 'errors.assistant_too_many_turns')
      .default([]),
    asking: topic.nullable(),
    action: z.discriminatedUnion(
      'type',
      [
        z.strictObject({ type: z.literal('say') }),
        z.strictObject({ type: z.literal('choose'), values: z.array(z.string().max(64)).min(1).max(40) }),
        z.strictObject({ type: z.literal('skip') }),
        z.strictObject({ type: z.literal('resume') }),
      ],
      invalidChoice,
    ),
  })
  .superRefine((turn, ctx) => {
    const total = turn.messages.reduce((sum, m) => sum + m.content.length, 0);
    if (total > ASSISTANT_CONVERSATION_MAX)
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'errors.assistant_conversation_too_long' });
    const said = turn.messages.filter((m) => m.role === 'user').length;
    if (said > ASSISTANT_TURNS_MAX)
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'errors.assistant_too_many_turns' });
    const last = turn.messages.at(-1);
    if (turn.action.type === 'say' && (last?.role !== 'user' || !last.content.trim()))
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'errors.message_required' });
    if ((turn.action.type === 'choose' || turn.action.type === 'skip') && !turn.asking)
      ctx.addIssue({ code: 'custom', path: ['asking'], message: 'errors.invalid_input' });
  });
export type AssistantTurn = z.infer<typeof assistantTurnSchema>;

/** How acute the danger is that the model reads in the conversation, beside the rule-based check. */
export const DANGER_LEVELS = ['none', 'acute_danger', 'self_harm'] as const;

/**
 * What the extraction step asks the model for. Its JSON schema, sent as `response_format`, is generated from
 * this very schema (`z.toJSONSchema`), formats, enums and bounds included, and each field of the answer is
 * then checked against its own part of it: a valid field is taken, an invalid one dropped, never the whole
 * answer. Every field is required and nullable (OpenAI's strict mode, llama.cpp grammars and vLLM's guided
 * decoding all accept that). There is no description field: the person's own words are kept as they typed
 * them, and the consequences only as a quote of them.
 */
export function extractionSchema(places: readonly [string, ...string[]], today: Date) {
  const nullableEnum = <T extends readonly [string, ...string[]]>(list: T) => z.enum(list).nullable();
  const list = <T extends readonly [string, ...string[]]>(codes: T) => z.array(z.enum(codes)).max(codes.length);
  return z.strictObject({
    whenDate: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
      .refine((day) => isCalendarDay(day) && day <= isoDate(today))
      // A plain pattern and the "date" format: what llama.cpp grammars, vLLM and OpenAI all understand.
      .meta({ format: 'date' })
      .nullable()
      .describe('The day it happened (YYYY-MM-DD), only when the day is known; never after today'),
    whenMonth: z.number().int().min(1).max(12).nullable(),
    whenYear: z.number().int().min(EARLIEST_YEAR).max(today.getUTCFullYear()).nullable(),
    ongoing: z.boolean().nullable().describe('true if it is still going on or keeps happening'),
    municipality: nullableEnum(places),
    online: z.boolean().nullable(),
    lifeDomain: nullableEnum(LIFE_DOMAINS),
    incidentForms: list(INCIDENT_FORMS),
    grounds: list(GROUNDS),
    racismForms: list(RACISM_FORMS),
    reporterRole: nullableEnum(REPORTER_ROLES),
    witnesses: nullableEnum(WITNESS_ANSWERS),
    consequences: z
      .string()
      .max(CONSEQUENCES_MAX)
      .describe("What it did to them or others, quoted word for word from the reporter's messages; '' if not said"),
    supportWanted: z.boolean().nullable(),
    safeNow: z.boolean().nullable().describe('true if they said they are safe now, false if they said they are not'),
    declined: z.array(z.enum(TOPICS)).max(TOPICS.length),
    danger: z.enum(DANGER_LEVELS),
  });
}
export type ExtractionSchema = ReturnType<typeof extractionSchema>;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A day that exists: 2026-02-29 does not. */
function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDate(date) === day;
}
export type Extraction = z.infer<ExtractionSchema>;
