import { z } from 'zod';
import { CONSEQUENCES_MAX, DESCRIPTION_MAX, EARLIEST_YEAR, MESSAGE_MAX } from './limits';
import { LOCALES } from './locales';
import {
  CODED_DIMENSIONS,
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  RACISM_FORMS,
  REPORTER_ROLES,
  REPORT_STATUSES,
  WITNESS_ANSWERS,
  type CodedDimension,
} from './taxonomy';

/** Zod messages are i18n keys (see shared/i18n); the place that shows an error translates it. */
const invalidChoice = { error: 'errors.invalid_choice' } as const;

function uniqueList<T extends readonly [string, ...string[]]>(codes: T) {
  return z
    .array(z.enum(codes, invalidChoice), invalidChoice)
    .max(codes.length, invalidChoice)
    .default([])
    .transform((list) => [...new Set(list)]);
}

const year = z
  .number({ error: 'errors.invalid_date' })
  .int('errors.invalid_date')
  .min(EARLIEST_YEAR, 'errors.invalid_date');

/** When it happened: never a time of day, and as precise as the reporter knows. */
export const incidentWhenSchema = z.discriminatedUnion(
  'precision',
  [
    z.object({ precision: z.literal('day'), date: z.iso.date({ error: 'errors.invalid_date' }) }),
    z.object({ precision: z.literal('month'), year, month: z.number().int().min(1).max(12, 'errors.invalid_date') }),
    z.object({ precision: z.literal('year'), year }),
    z.object({ precision: z.literal('unknown') }),
  ],
  { error: 'errors.invalid_date' },
);
export type IncidentWhen = z.infer<typeof incidentWhenSchema>;

/**
 * How to reach the reporter for counselling: only when they asked for it, never part of the free text;
 * stored sealed in its own table and deleted when the case is closed.
 */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const reportContactSchema = z
  .object({
    email: z.preprocess(blankToUndefined, z.email({ error: 'errors.contact_email_invalid' }).max(200).optional()),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()/.-]{5,30}$/, 'errors.contact_phone_invalid')
        .optional(),
    ),
    language: z.preprocess(blankToUndefined, z.string().trim().max(60, 'errors.text_too_long').optional()),
  })
  .strict()
  .transform((c) => (c.email || c.phone || c.language ? c : null));
export type ReportContact = NonNullable<z.infer<typeof reportContactSchema>>;

const CODES_OF: Record<CodedDimension, readonly string[]> = {
  ground: GROUNDS,
  racism_form: RACISM_FORMS,
  life_domain: LIFE_DOMAINS,
  incident_form: INCIDENT_FORMS,
  reporter_role: REPORTER_ROLES,
};

/**
 * Codes the assistant read from the story that the person did not choose or confirm, as `dimension:code`
 * ("ground:racism"). They are stored apart from the reporter's coding and shown to caseworkers as inferred.
 */
export const inferredCodesSchema = z
  .array(
    z.string().refine((pair) => {
      const [dimension, code, ...rest] = pair.split(':');
      const codes = CODES_OF[dimension as CodedDimension] as readonly string[] | undefined;
      return (
        rest.length === 0 &&
        (CODED_DIMENSIONS as readonly string[]).includes(dimension ?? '') &&
        !!codes?.includes(code ?? '')
      );
    }, invalidChoice),
    invalidChoice,
  )
  .max(60, invalidChoice)
  .default([])
  .transform((list) => [...new Set(list)]);

const freeText = (max: number, tooLong: string) => z.string({ error: 'errors.invalid_text' }).trim().max(max, tooLong);

/**
 * The report as the reporter sends it, from the form, the assistant or the JSON API.
 * `places` are the office's municipality codes plus the other place codes: configuration, so a factory.
 */
export function reportSubmissionSchema(places: readonly [string, ...string[]]) {
  return submissionFields(places).refine(contactOnlyWithSupport, contactRuleError);
}

/** The submission before consent: what the review screen checks. */
export function reportDraftSchema(places: readonly [string, ...string[]]) {
  return submissionFields(places).omit({ consent: true }).refine(contactOnlyWithSupport, contactRuleError);
}

/** Contact details are kept only for counselling the reporter asked for: never "just in case". */
const contactOnlyWithSupport = (s: { contact: unknown; supportWanted: boolean }) => !s.contact || s.supportWanted;
const contactRuleError = { path: ['contact'], message: 'errors.contact_without_support' };

/** The fields alone, without the rules across them: for checks of a part (e.g. the assistant's draft). */
export function submissionFields(places: readonly [string, ...string[]]) {
  return z
    .object({
      locale: z.enum(LOCALES, invalidChoice).default('de'),
      channel: z.enum(['form', 'assistant'], invalidChoice).default('form'),
      reporterRole: z.enum(REPORTER_ROLES, invalidChoice).nullable().default(null),
      description: z
        .string({ error: 'errors.description_required' })
        .trim()
        .max(DESCRIPTION_MAX, 'errors.description_too_long')
        .min(1, 'errors.description_required'),
      incidentForms: uniqueList(INCIDENT_FORMS),
      grounds: uniqueList(GROUNDS),
      racismForms: uniqueList(RACISM_FORMS),
      lifeDomain: z.enum(LIFE_DOMAINS, invalidChoice).nullable().default(null),
      place: z
        .object({
          municipality: z.enum(places, invalidChoice).nullable().default(null),
          online: z.boolean(invalidChoice).default(false),
        })
        .default({ municipality: null, online: false }),
      when: incidentWhenSchema.default({ precision: 'unknown' }),
      ongoing: z.boolean(invalidChoice).default(false),
      witnesses: z.enum(WITNESS_ANSWERS, invalidChoice).nullable().default(null),
      consequences: freeText(CONSEQUENCES_MAX, 'errors.text_too_long').default(''),
      supportWanted: z.boolean(invalidChoice).default(false),
      inferredCodes: inferredCodesSchema,
      contact: reportContactSchema.nullable().default(null),
      /**
       * Where to say "there is a new message for your report", and nothing else: independent of counselling,
       * sealed, deleted when the case is closed.
       */
      noticeEmail: z.preprocess(
        blankToUndefined,
        z
          .email({ error: 'errors.contact_email_invalid' })
          .max(200, 'errors.contact_email_invalid')
          .nullable()
          .default(null),
      ),
      consent: z.literal(true, { error: 'errors.consent_required' }),
    })
    .strict();
}
export type ReportSubmission = z.infer<ReturnType<typeof reportSubmissionSchema>>;

/** Receipt codes are typed by people: be lenient about spaces, dashes and case, strict about length. */
export const receiptCodeSchema = z
  .string({ error: 'errors.receipt_invalid' })
  .trim()
  .min(16, 'errors.receipt_invalid')
  .max(40, 'errors.receipt_invalid');

export const receiptLookupSchema = z.object({ receipt: receiptCodeSchema }).strict();

export const receiptMessageSchema = z
  .object({
    receipt: receiptCodeSchema,
    body: freeText(MESSAGE_MAX, 'errors.text_too_long').min(1, 'errors.message_required'),
    locale: z.enum(LOCALES, invalidChoice).default('de'),
  })
  .strict();

export const receiptWithdrawSchema = z
  .object({ receipt: receiptCodeSchema, confirm: z.literal(true, { error: 'errors.withdraw_confirm_required' }) })
  .strict();

export const reportCreatedSchema = z.object({
  receipt: z.string().describe('The receipt code. Shown once: only a keyed hash of it is stored.'),
});

/** One part of an office message in the reader's language, and where its words come from. */
export const MESSAGE_PART_SOURCES = ['phrasebook', 'machine', 'original'] as const;

export const receiptMessageViewSchema = z.object({
  id: z.number().int(),
  author: z.enum(['reporter', 'office']),
  body: z
    .string()
    .describe(
      "The message as written: the reporter's own words, or the office's German (a phrase of the phrasebook first, then the caseworker's own words)",
    ),
  language: z.enum(LOCALES).describe('The language the message is written in'),
  translation: z
    .object({
      language: z.enum(LOCALES),
      parts: z.array(
        z.object({
          text: z.string(),
          source: z
            .enum(MESSAGE_PART_SOURCES)
            .describe(
              "phrasebook: the office's reviewed text in this language; machine: a machine translation of the caseworker's words; original: words not translated (yet), in German",
            ),
        }),
      ),
    })
    .nullable()
    .describe(
      "An office message in the reader's language (the request's), where it is not German: absent for the reporter's own messages and for German readers",
    ),
  sentOn: z.iso.date(),
  unread: z
    .boolean()
    .describe(
      "An office message the reporter had not read before this request; or a reporter's message the office has not read yet",
    ),
});
export type ReceiptMessageView = z.infer<typeof receiptMessageViewSchema>;

export const receiptStatusSchema = z.object({
  status: z.enum(REPORT_STATUSES),
  receivedOn: z.iso.date(),
  yourAnswers: z
    .object({
      incidentForms: z.array(z.enum(INCIDENT_FORMS)),
      when: incidentWhenSchema,
      ongoing: z.boolean(),
      municipality: z.string().nullable(),
      online: z.boolean(),
    })
    .describe(
      "What the reporter answered, so that they know which report the code opens: only their own answers, never the office's coding, notes or the report's text",
    ),
  messages: z.array(receiptMessageViewSchema),
  evidenceFiles: z
    .number()
    .int()
    .describe(
      'How many files (screenshots, photos, letters) the office holds for the report; the files are never shown here',
    ),
});
export type ReceiptStatus = z.infer<typeof receiptStatusSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().describe('A stable key, e.g. errors.description_required'),
    message: z.string().describe("A sentence in the request's language"),
    fields: z.record(z.string(), z.string()).optional().describe('Per field, a sentence in the request language'),
  }),
});
