import { z } from 'zod';
import { submissionFields } from './report';
import { emptyFormValues, type ReportFormValues } from './report-form';
import { RECEIVED_VIA } from './staff';

/**
 * A report a caseworker enters for someone who phoned, wrote or came by: the public form's fields and rules,
 * the channel fixed to `staff`, how it came in, and whether the person wants a receipt code to follow it.
 * Consent stays required: the caseworker confirms the person agreed, as the form asks the reporter.
 */
export function staffReportSchema(places: readonly [string, ...string[]]) {
  return submissionFields(places)
    .omit({ channel: true })
    .extend({
      receivedVia: z.enum(RECEIVED_VIA, { error: 'errors.received_via_required' }),
      receipt: z.boolean({ error: 'errors.invalid_choice' }).default(false),
    })
    .refine((s) => !s.contact || s.supportWanted, { path: ['contact'], message: 'errors.contact_without_support' });
}
export type StaffReport = z.infer<ReturnType<typeof staffReportSchema>>;

/** The public form's values, and what only staff fill in. */
export interface EntryValues extends ReportFormValues {
  locale: string;
  receivedVia: string;
  receipt: boolean;
  consent: boolean;
}
export const emptyEntry: EntryValues = {
  ...emptyFormValues,
  locale: 'de',
  receivedVia: '',
  receipt: false,
  consent: false,
};

export interface EntrySaved {
  /** Only when the person wanted one: shown once, stored nowhere. */
  receipt: string | null;
  /** The description as stored, after the anonymiser. */
  description: string;
}
