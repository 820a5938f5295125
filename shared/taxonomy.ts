/**
 * The documentation taxonomy (DESIGN.md section 2). Codes are stable: they are stored and counted,
 * so a code is never renamed or reused; labels live in the message files.
 */
export const GROUNDS = [
  'racism',
  'religion',
  'gender',
  'sexual_identity',
  'disability',
  'age',
  'social_status',
  'language',
  'citizenship_residence',
  'other',
  'unsure',
] as const;

export const RACISM_FORMS = [
  'anti_black',
  'anti_muslim',
  'antisemitism',
  'antiziganism',
  'anti_asian',
  'anti_eastern_european',
  'anti_turkish_kurdish',
  'anti_arab',
  'against_refugees',
  'other',
  'unsure',
] as const;

export const LIFE_DOMAINS = [
  'public_space',
  'public_transport',
  'work',
  'job_search',
  'housing',
  'education',
  'authorities',
  'police',
  'justice',
  'health_care',
  'goods_services',
  'leisure_sports',
  'media_internet',
  'neighbourhood',
  'other',
] as const;

export const INCIDENT_FORMS = [
  'physical_attack',
  'threat',
  'property_damage',
  'insult_harassment',
  'denial_unequal_treatment',
  'online_hate',
  'institutional',
  'propaganda',
  'other',
] as const;

export const REPORTER_ROLES = ['affected', 'witness', 'relative_friend', 'organisation'] as const;

/** Places that are not one of the office's municipalities; the municipalities come from the office config. */
export const OTHER_PLACES = ['elsewhere_in_region', 'outside_region', 'unknown'] as const;

export const WITNESS_ANSWERS = ['yes', 'no', 'unsure'] as const;

export const REPORT_STATUSES = ['new', 'in_review', 'in_progress', 'referred', 'closed', 'rejected'] as const;

export const CHANNELS = ['form', 'assistant', 'staff'] as const;

export type Ground = (typeof GROUNDS)[number];
export type RacismForm = (typeof RACISM_FORMS)[number];
export type LifeDomain = (typeof LIFE_DOMAINS)[number];
export type IncidentForm = (typeof INCIDENT_FORMS)[number];
export type ReporterRole = (typeof REPORTER_ROLES)[number];
export type WitnessAnswer = (typeof WITNESS_ANSWERS)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type Channel = (typeof CHANNELS)[number];

/** The coded dimensions of a report, as stored one row per code (several grounds and forms may apply). */
export const CODED_DIMENSIONS = ['ground', 'racism_form', 'life_domain', 'incident_form', 'reporter_role'] as const;
export type CodedDimension = (typeof CODED_DIMENSIONS)[number];

/** Why a report was closed without further action. */
export const REJECT_REASONS = ['spam', 'out_of_scope'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Statuses in which the case is still being worked on (for the inbox's "open" view). */
export const OPEN_STATUSES = ['new', 'in_review', 'in_progress', 'referred'] as const;

/**
 * The status workflow: new → in review → in progress / referred → closed, or rejected with a reason.
 * Closed and rejected are final: contact details are gone by then.
 */
export const STATUS_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  new: ['in_review', 'rejected'],
  in_review: ['in_progress', 'referred', 'closed', 'rejected'],
  in_progress: ['referred', 'closed', 'rejected'],
  referred: ['in_progress', 'closed'],
  closed: [],
  rejected: [],
};

/** The effective coding as stored in a report row: "|ground:racism|life_domain:housing|". */
export function effectiveCodesText(codes: readonly { dimension: string; code: string }[]): string {
  return `|${codes.map((c) => `${c.dimension}:${c.code}|`).join('')}`;
}

export function parseEffectiveCodes(text: string): { dimension: string; code: string }[] {
  return text
    .split('|')
    .filter(Boolean)
    .map((pair) => {
      const [dimension = '', code = ''] = pair.split(':');
      return { dimension, code };
    });
}
