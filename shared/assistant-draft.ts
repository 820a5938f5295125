import type { ReportFormValues } from './report-form';
import type { Ground, IncidentForm, LifeDomain, RacismForm, ReporterRole, WitnessAnswer } from './taxonomy';

/**
 * What the assistant has gathered so far. The browser holds it between turns (the server keeps no
 * conversation), the server updates it, and in the end it becomes the same form values the review screen
 * takes. Kept free of zod so that the chat page stays small; the zod side is `shared/assistant.ts`.
 */
export interface AssistantDraft {
  description: string;
  /** YYYY-MM-DD when the day is known; otherwise month and/or year. Never a time of day. */
  whenDate: string | null;
  whenMonth: number | null;
  whenYear: number | null;
  ongoing: boolean | null;
  /** One of the office's municipality codes or another place code (`elsewhere_in_region` …). */
  municipality: string | null;
  online: boolean | null;
  lifeDomain: LifeDomain | null;
  incidentForms: IncidentForm[];
  grounds: Ground[];
  racismForms: RacismForm[];
  reporterRole: ReporterRole | null;
  witnesses: WitnessAnswer | null;
  consequences: string;
  /** null: not asked yet. */
  supportWanted: boolean | null;
}

export const emptyDraft: AssistantDraft = {
  description: '',
  whenDate: null,
  whenMonth: null,
  whenYear: null,
  ongoing: null,
  municipality: null,
  online: null,
  lifeDomain: null,
  incidentForms: [],
  grounds: [],
  racismForms: [],
  reporterRole: null,
  witnesses: null,
  consequences: '',
  supportWanted: null,
};

/** The questions of the interview, in the order the form asks them (free recall first). */
export const TOPICS = [
  'description',
  'when',
  'place',
  'lifeDomain',
  'incidentForms',
  'grounds',
  'racismForms',
  'reporterRole',
  'witnesses',
  'consequences',
  'supportWanted',
] as const;
export type Topic = (typeof TOPICS)[number];

export function isAnswered(draft: AssistantDraft, topic: Topic): boolean {
  switch (topic) {
    case 'description':
      return draft.description.trim() !== '';
    case 'when':
      return draft.whenDate !== null || draft.whenYear !== null || draft.ongoing === true;
    case 'place':
      return draft.municipality !== null || draft.online === true;
    case 'lifeDomain':
      return draft.lifeDomain !== null;
    case 'incidentForms':
    case 'grounds':
    case 'racismForms':
      return draft[topic].length > 0;
    case 'reporterRole':
      return draft.reporterRole !== null;
    case 'witnesses':
      return draft.witnesses !== null;
    case 'consequences':
      return draft.consequences.trim() !== '';
    case 'supportWanted':
      return draft.supportWanted !== null;
  }
}

/** Topics still to ask about: not answered, not skipped, and the form of racism only when racism was named. */
export function missingTopics(draft: AssistantDraft, skipped: readonly Topic[]): Topic[] {
  return TOPICS.filter(
    (topic) =>
      !skipped.includes(topic) &&
      !isAnswered(draft, topic) &&
      (topic !== 'racismForms' || draft.grounds.includes('racism')),
  );
}

/** The draft as the report form posts it: what the chat hands to the review screen. */
export function formValuesFromDraft(draft: AssistantDraft): ReportFormValues {
  return {
    channel: 'assistant',
    reporterRole: draft.reporterRole ?? '',
    description: draft.description,
    incidentForms: draft.incidentForms,
    whenDate: draft.whenDate ?? '',
    whenMonth: draft.whenDate || draft.whenMonth === null ? '' : String(draft.whenMonth),
    whenYear: draft.whenDate || draft.whenYear === null ? '' : String(draft.whenYear),
    ongoing: draft.ongoing === true,
    municipality: draft.municipality ?? '',
    online: draft.online === true,
    lifeDomain: draft.lifeDomain ?? '',
    grounds: draft.grounds,
    racismForms: draft.racismForms,
    witnesses: draft.witnesses ?? '',
    consequences: draft.consequences,
    supportWanted: draft.supportWanted === true,
    // The assistant never asks how to reach anyone: contact details are given on the form, if at all.
    contactEmail: '',
    contactPhone: '',
    contactLanguage: '',
  };
}
