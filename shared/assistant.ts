import { z } from 'zod';
import type { AssistantDraft } from './assistant-draft';
import { TOPICS } from './assistant-draft';
import {
  ASSISTANT_CONVERSATION_MAX,
  ASSISTANT_MESSAGE_MAX,
  ASSISTANT_TURNS_MAX,
  CONSEQUENCES_MAX,
  DESCRIPTION_MAX,
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
}) satisfies z.ZodType<AssistantDraft>;

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
    asking: topic.nullable(),
    action: z.discriminatedUnion(
      'type',
      [
        z.strictObject({ type: z.literal('say') }),
        z.strictObject({ type: z.literal('choose'), values: z.array(z.string().max(64)).min(1).max(16) }),
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
 * What the extraction step asks the model for (its JSON schema is sent as `response_format`). Plain types
 * only, every field required and nullable: what OpenAI's strict mode, llama.cpp's grammar and vLLM's guided
 * decoding all accept. Its answer is then checked against the report submission schema itself.
 */
export function extractionSchema(places: readonly [string, ...string[]]) {
  const nullableEnum = <T extends readonly [string, ...string[]]>(list: T) => z.enum(list).nullable();
  return z.strictObject({
    description: z.string(),
    whenDate: z.string().nullable(),
    whenMonth: z.number().nullable(),
    whenYear: z.number().nullable(),
    ongoing: z.boolean().nullable(),
    municipality: nullableEnum(places),
    online: z.boolean().nullable(),
    lifeDomain: nullableEnum(LIFE_DOMAINS),
    incidentForms: z.array(z.enum(INCIDENT_FORMS)),
    grounds: z.array(z.enum(GROUNDS)),
    racismForms: z.array(z.enum(RACISM_FORMS)),
    reporterRole: nullableEnum(REPORTER_ROLES),
    witnesses: nullableEnum(WITNESS_ANSWERS),
    consequences: z.string(),
    supportWanted: z.boolean().nullable(),
    declined: z.array(z.enum(TOPICS)),
    danger: z.enum(DANGER_LEVELS),
  });
}
export type Extraction = z.infer<ReturnType<typeof extractionSchema>>;
