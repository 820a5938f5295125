import { latinDigits } from './digits';
import type { ReportSubmission } from './report';

/**
 * The report form as HTML posts it: flat fields, strings and lists of strings. The browser (for inline
 * checks) and the server (for the real ones) turn it into the same submission object for the same zod schema.
 */
export interface ReportFormValues {
  /** 'assistant' when the chat gathered the report; anything else counts as the form. */
  channel: string;
  reporterRole: string;
  description: string;
  incidentForms: string[];
  whenDate: string;
  whenMonth: string;
  whenYear: string;
  ongoing: boolean;
  municipality: string;
  online: boolean;
  lifeDomain: string;
  grounds: string[];
  racismForms: string[];
  witnesses: string;
  consequences: string;
  supportWanted: boolean;
  /** Codes the assistant read from the story and the person did not confirm, as `dimension:code`. */
  inferredCodes: string[];
  contactEmail: string;
  contactPhone: string;
  contactLanguage: string;
}

export const LIST_FIELDS = ['incidentForms', 'grounds', 'racismForms', 'inferredCodes'] as const;
export const FLAG_FIELDS = ['ongoing', 'online', 'supportWanted'] as const;
export const TEXT_FIELDS = [
  'channel',
  'reporterRole',
  'description',
  'whenDate',
  'whenMonth',
  'whenYear',
  'municipality',
  'lifeDomain',
  'witnesses',
  'consequences',
  'contactEmail',
  'contactPhone',
  'contactLanguage',
] as const;

export const emptyFormValues: ReportFormValues = {
  channel: 'form',
  reporterRole: '',
  description: '',
  incidentForms: [],
  whenDate: '',
  whenMonth: '',
  whenYear: '',
  ongoing: false,
  municipality: '',
  online: false,
  lifeDomain: '',
  grounds: [],
  racismForms: [],
  witnesses: '',
  consequences: '',
  supportWanted: false,
  inferredCodes: [],
  contactEmail: '',
  contactPhone: '',
  contactLanguage: '',
};

type Posted = Record<string, string | File | (string | File)[]>;

/** Reads posted fields leniently: unknown fields are ignored, a repeated single field keeps its first value. */
export function formValuesFromPost(body: Posted): ReportFormValues {
  const values: ReportFormValues = structuredClone(emptyFormValues);
  const all = (name: string) => {
    const v = body[name] ?? body[`${name}[]`];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  };
  for (const f of TEXT_FIELDS) values[f] = all(f)[0] ?? '';
  for (const f of ['whenDate', 'whenMonth', 'whenYear'] as const) values[f] = latinDigits(values[f]);
  for (const f of LIST_FIELDS) values[f] = all(f);
  for (const f of FLAG_FIELDS) values[f] = all(f).some((x) => x === 'on' || x === 'true' || x === '1');
  return values;
}

/** The values as a form posts them: lists repeat their name, a flag is "on" or absent. */
export function formEntriesOf(values: ReportFormValues): [string, string][] {
  const entries: [string, string][] = [];
  for (const f of TEXT_FIELDS) entries.push([f, values[f]]);
  for (const f of LIST_FIELDS) for (const v of values[f]) entries.push([f, v]);
  for (const f of FLAG_FIELDS) if (values[f]) entries.push([f, 'on']);
  return entries;
}

/** Whether a person has answered anything yet (the channel is not an answer). */
export function hasAnswers(values: ReportFormValues): boolean {
  return (Object.keys(emptyFormValues) as (keyof ReportFormValues)[]).some(
    (key) => key !== 'channel' && !sameAnswer(values[key], emptyFormValues[key]),
  );
}

export function sameAnswer(a: ReportFormValues[keyof ReportFormValues], b: ReportFormValues[keyof ReportFormValues]) {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sorted = [...b].sort();
    return a.length === b.length && [...a].sort().every((x, i) => x === sorted[i]);
  }
  return a === b;
}

/** The submission object (before validation) that the form's values stand for. */
export function submissionInputFromForm(values: ReportFormValues, extra: { locale: string; consent?: boolean }) {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    locale: extra.locale,
    channel: values.channel === 'assistant' ? 'assistant' : 'form',
    reporterRole: orNull(values.reporterRole),
    description: values.description,
    incidentForms: values.incidentForms,
    grounds: values.grounds,
    racismForms: values.racismForms,
    lifeDomain: orNull(values.lifeDomain),
    place: { municipality: orNull(values.municipality), online: values.online },
    when: whenFromForm(values),
    ongoing: values.ongoing,
    witnesses: orNull(values.witnesses),
    consequences: values.consequences,
    supportWanted: values.supportWanted,
    inferredCodes: values.inferredCodes,
    contact: { email: values.contactEmail, phone: values.contactPhone, language: values.contactLanguage },
    ...(extra.consent === undefined ? {} : { consent: extra.consent }),
  };
}

function whenFromForm(v: ReportFormValues): unknown {
  const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
  if (v.whenDate.trim()) return { precision: 'day', date: v.whenDate.trim() };
  if (v.whenYear.trim() && v.whenMonth.trim())
    return { precision: 'month', year: num(v.whenYear), month: num(v.whenMonth) };
  if (v.whenYear.trim()) return { precision: 'year', year: num(v.whenYear) };
  if (v.whenMonth.trim()) return { precision: 'month', year: Number.NaN, month: num(v.whenMonth) };
  return { precision: 'unknown' };
}

/** Back from a validated submission to form values: for the review screen's hidden fields. */
export function formValuesFromSubmission(s: ReportSubmission): ReportFormValues {
  return {
    channel: s.channel,
    reporterRole: s.reporterRole ?? '',
    description: s.description,
    incidentForms: s.incidentForms,
    whenDate: s.when.precision === 'day' ? s.when.date : '',
    whenMonth: s.when.precision === 'month' ? String(s.when.month) : '',
    whenYear: s.when.precision === 'month' || s.when.precision === 'year' ? String(s.when.year) : '',
    ongoing: s.ongoing,
    municipality: s.place.municipality ?? '',
    online: s.place.online,
    lifeDomain: s.lifeDomain ?? '',
    grounds: s.grounds,
    racismForms: s.racismForms,
    witnesses: s.witnesses ?? '',
    consequences: s.consequences,
    supportWanted: s.supportWanted,
    inferredCodes: s.inferredCodes,
    contactEmail: s.contact?.email ?? '',
    contactPhone: s.contact?.phone ?? '',
    contactLanguage: s.contact?.language ?? '',
  };
}

/** Which form field shows an error about a submission path (`when` errors belong to the date inputs). */
export function formFieldOf(submissionField: string): string {
  switch (submissionField) {
    case 'when':
      return 'whenDate';
    case 'place':
      return 'municipality';
    case 'contact':
    case 'contact.email':
      return 'contactEmail';
    case 'contact.phone':
      return 'contactPhone';
    case 'contact.language':
      return 'contactLanguage';
    default:
      return submissionField;
  }
}
