import { z } from 'zod';
import { PHRASE_KEYS, type PhraseKey } from './i18n/phrasebook';
import { NOTE_MAX, MESSAGE_MAX, SEARCH_MAX } from './limits';
import { REPORT_FLAGS } from './report-flags';
import { LOCALES } from './locales';
import {
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  RACISM_FORMS,
  REJECT_REASONS,
  REPORTER_ROLES,
  REPORT_STATUSES,
} from './taxonomy';

/** Staff roles: an analyst sees statistics only, never a report. */
export const STAFF_ROLES = ['admin', 'caseworker', 'analyst'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_LOCALES = ['de', 'en'] as const;
export type StaffLocale = (typeof STAFF_LOCALES)[number];

const invalidChoice = { error: 'errors.invalid_choice' } as const;
/** Query strings and HTML forms send "" for an untouched field: the same as not sending it. */
const blankAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());
const flag = optional(z.enum(['1', 'true', 'on'], invalidChoice)).transform((v) => v !== undefined);
/** A list from a form or query: one value or several, blanks dropped, no duplicates. */
const codeList = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .preprocess(
      (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
      z.array(z.enum(codes, invalidChoice)).max(codes.length, invalidChoice),
    )
    .transform((list) => [...new Set(list)]);

const nullableCode = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? null : v), z.enum(codes, invalidChoice).nullable());

export const usernameSchema = z
  .string({ error: 'errors.username_invalid' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'errors.username_invalid');

/** Length over composition rules (NIST SP 800-63B); the upper bound keeps hashing cheap. */
export const newPasswordSchema = z
  .string({ error: 'errors.password_too_short' })
  .min(12, 'errors.password_too_short')
  .max(200, 'errors.password_too_long');

export const totpCodeSchema = z
  .string({ error: 'errors.totp_invalid' })
  .trim()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'errors.totp_invalid'));

export const loginSchema = z
  .object({
    username: z.string({ error: 'errors.login_failed' }).trim().toLowerCase().min(1, 'errors.login_failed').max(100),
    password: z.string({ error: 'errors.login_failed' }).min(1, 'errors.login_failed').max(200),
    totp: optional(totpCodeSchema),
  })
  .strict();
export type LoginInput = z.infer<typeof loginSchema>;

export const passwordChangeSchema = z
  .object({ current: z.string().max(200), next: newPasswordSchema, confirm: z.string().max(200) })
  .strict()
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: 'errors.password_mismatch' });

/** Changing the second factor asks for the password again: an open session alone is not enough. */
const currentPassword = z.string({ error: 'errors.password_wrong' }).max(200);
export const totpConfirmSchema = z.object({ code: totpCodeSchema, password: currentPassword }).strict();
export const totpDisableSchema = z.object({ password: currentPassword }).strict();

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1, 'errors.name_required').max(100),
    role: z.enum(STAFF_ROLES, invalidChoice),
  })
  .strict();

/** A switch: JSON sends a boolean, a form "true" or "false". */
const switchValue = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], invalidChoice);

export const userUpdateSchema = z
  .object({
    role: optional(z.enum(STAFF_ROLES, invalidChoice)),
    totpRequired: optional(switchValue),
    disabled: optional(switchValue),
  })
  .strict();

export const localeChangeSchema = z.object({ locale: z.enum(STAFF_LOCALES, invalidChoice) }).strict();

const isoDay = z.iso.date({ error: 'errors.invalid_date' });

/**
 * The inbox's filter on the flood flags (shared/report-flags.ts): either flag, one of them, or reports without
 * a flag.
 */
export const INBOX_FLAG_FILTERS = ['flagged', ...REPORT_FLAGS, 'none'] as const;
export type InboxFlagFilter = (typeof INBOX_FLAG_FILTERS)[number];

/** The inbox's filters, as a query string carries them (so a filtered view is a link that can be shared). */
export function inboxQuerySchema(places: readonly [string, ...string[]]) {
  return z.object({
    status: optional(z.enum([...REPORT_STATUSES, 'open'], invalidChoice)),
    ground: optional(z.enum(GROUNDS, invalidChoice)),
    racismForm: optional(z.enum(RACISM_FORMS, invalidChoice)),
    lifeDomain: optional(z.enum(LIFE_DOMAINS, invalidChoice)),
    incidentForm: optional(z.enum(INCIDENT_FORMS, invalidChoice)),
    municipality: optional(z.enum([...places, 'online'], invalidChoice)),
    language: optional(z.enum(LOCALES, invalidChoice)),
    from: optional(isoDay),
    to: optional(isoDay),
    urgent: flag,
    contact: flag,
    overdue: flag,
    unread: flag,
    evidence: flag,
    assignee: optional(z.union([z.enum(['me', 'none']), z.coerce.number().int().positive()], invalidChoice)),
    flag: optional(z.enum(INBOX_FLAG_FILTERS, invalidChoice)),
    group: optional(
      z.coerce
        .number({ error: 'errors.invalid_input' })
        .int()
        .positive()
        .max(2 ** 31),
    ),
    q: optional(z.string().trim().max(SEARCH_MAX, 'errors.search_too_long')),
    page: optional(z.coerce.number({ error: 'errors.invalid_input' }).int().min(1).max(100_000)).default(1),
  });
}
export type InboxQuery = z.infer<ReturnType<typeof inboxQuerySchema>>;

export const statusChangeSchema = z
  .object({
    status: z.enum(REPORT_STATUSES, invalidChoice),
    reason: optional(z.enum(REJECT_REASONS, invalidChoice)),
  })
  .strict()
  .refine((v) => v.status !== 'rejected' || v.reason, { path: ['reason'], message: 'errors.reject_reason_required' });

export const codingSchema = z
  .object({
    grounds: codeList(GROUNDS),
    racismForms: codeList(RACISM_FORMS),
    incidentForms: codeList(INCIDENT_FORMS),
    lifeDomain: nullableCode(LIFE_DOMAINS),
    reporterRole: nullableCode(REPORTER_ROLES),
  })
  .strict();
export type Coding = z.infer<typeof codingSchema>;

export const assigneeSchema = z
  .object({ assigneeId: z.preprocess(blankAsUndefined, z.coerce.number().int().positive().nullable().default(null)) })
  .strict();

export const urgentSchema = z.object({
  urgent: z.preprocess((v) => v === true || v === 'on' || v === '1', z.boolean()),
});

export const noteSchema = z
  .object({ body: z.string().trim().min(1, 'errors.note_required').max(NOTE_MAX, 'errors.text_too_long') })
  .strict();

/**
 * A reply to the reporter: a phrase of the phrasebook (read in their language), the caseworker's own words in
 * German, or both. `intent: preview` shows what the reporter will read before anything is sent.
 */
export const replySchema = z
  .object({
    phrase: optional(z.enum(PHRASE_KEYS as [PhraseKey, ...PhraseKey[]], invalidChoice)),
    body: z.preprocess(
      (v) => v ?? '',
      z.string({ error: 'errors.message_required' }).trim().max(MESSAGE_MAX, 'errors.text_too_long'),
    ),
    intent: optional(z.enum(['send', 'preview'], invalidChoice)),
    /** The preview's translation and its seal, sent back with the reply: stored as previewed when they hold. */
    translation: optional(z.string().max(MESSAGE_MAX * 4 + 200, 'errors.text_too_long')),
    seal: optional(z.string().max(100, invalidChoice)),
  })
  .strict()
  .refine((v) => v.phrase || v.body, { path: ['body'], message: 'errors.message_required' });
export type Reply = z.infer<typeof replySchema>;

export const linkSchema = z
  .object({ relatedId: z.coerce.number({ error: 'errors.report_id_invalid' }).int().positive() })
  .strict();

/** At most this many reports are rejected as spam in one decision (one atomic write, each with its audit row). */
export const SPAM_REJECTION_MAX = 200;

/**
 * A report as the caseworker saw it when choosing it: `<id>@<updated_at>`. Its last change is its version:
 * a report changed by someone else since is reported back, not overwritten.
 */
const seenReport = z
  .string()
  .regex(/^[1-9][0-9]{0,9}@[0-9][0-9TZ:.-]{9,29}$/, 'errors.spam_selection_invalid')
  .transform((token) => {
    const at = token.indexOf('@');
    return { id: Number(token.slice(0, at)), version: token.slice(at + 1) };
  });
const listOf = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const seenReports = z.preprocess(
  listOf,
  z
    .array(seenReport, { error: 'errors.spam_selection_invalid' })
    .max(SPAM_REJECTION_MAX, 'errors.spam_too_many')
    .transform((list) => [...new Map(list.map((r) => [r.id, r])).values()]),
);
export type SeenReport = z.infer<typeof seenReport>;

/** Reject chosen reports as spam, all or none: a form's checkboxes (`reports`, repeated) or a JSON list. */
export const spamRejectionSchema = z
  .object({ reports: seenReports.refine((list) => list.length > 0, 'errors.spam_none_selected') })
  .strict();

/** What the inbox's checkboxes chose, for the confirmation page: single reports and whole groups. */
export const spamSelectionSchema = z
  .object({
    reports: seenReports,
    group: z.preprocess(
      listOf,
      z
        .array(
          z.coerce
            .number({ error: 'errors.spam_selection_invalid' })
            .int()
            .positive()
            .max(2 ** 31),
          {
            error: 'errors.spam_selection_invalid',
          },
        )
        .max(50, 'errors.spam_too_many'),
    ),
  })
  .strict()
  .refine((s) => s.reports.length + s.group.length > 0, { path: ['reports'], message: 'errors.spam_none_selected' });
export type SpamSelection = z.infer<typeof spamSelectionSchema>;
export const REDACTION_FIELDS = ['description', 'consequences', 'messages'] as const;
/** The anonymiser's entity types a caseworker may name; the placeholder is the anonymiser's, in the report's language. */
export const REDACTION_KINDS = [
  'name',
  'phone',
  'email',
  'address',
  'licence_plate',
  'handle',
  'id_number',
  'date_of_birth',
] as const;

/** The exact passage to remove and what it was, so that the placeholder says what kind of data it replaced. */
export const redactionSchema = z
  .object({
    field: z.enum(REDACTION_FIELDS, invalidChoice),
    passage: z.string().min(2, 'errors.redaction_too_short').max(500, 'errors.text_too_long'),
    kind: z.enum(REDACTION_KINDS, invalidChoice),
  })
  .strict();

export const exportQuerySchema = z.object({ text: flag });

export const auditQuerySchema = z.object({
  action: optional(z.string().regex(/^[a-z_.]{1,40}$/, 'errors.invalid_input')),
  actor: optional(z.coerce.number().int().positive()),
  report: optional(z.coerce.number().int().positive()),
  page: optional(z.coerce.number().int().min(1).max(100_000)).default(1),
});

/** How a report entered by staff reached the office: a code (counted, never free text). */
export const RECEIVED_VIA = ['phone', 'letter', 'email', 'in_person'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];
