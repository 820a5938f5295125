import type { ReportFormValues } from './report-form';
import type {
  CodedDimension,
  Ground,
  IncidentForm,
  LifeDomain,
  RacismForm,
  ReporterRole,
  WitnessAnswer,
} from './taxonomy';

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
  /** The answer to "are you safe right now?"; null until answered. Part of the conversation, not of the report. */
  safeNow: boolean | null;
  /**
   * Codes read from the story (by the model or the story's words) that the person has not chosen or
   * confirmed: offered for confirmation, and otherwise sent apart, marked as inferred, never as their coding.
   */
  suggested: SuggestedCodes;
}

export interface SuggestedCodes {
  lifeDomain: LifeDomain[];
  incidentForms: IncidentForm[];
  grounds: Ground[];
  racismForms: RacismForm[];
  reporterRole: ReporterRole[];
}

/** The topics whose answers are codes of the documentation taxonomy, with the dimension each is stored under. */
export const CODED_TOPICS = {
  lifeDomain: 'life_domain',
  incidentForms: 'incident_form',
  grounds: 'ground',
  racismForms: 'racism_form',
  reporterRole: 'reporter_role',
} as const satisfies Record<keyof SuggestedCodes, CodedDimension>;
export type CodedTopic = keyof typeof CODED_TOPICS;

export const noSuggestions: SuggestedCodes = {
  lifeDomain: [],
  incidentForms: [],
  grounds: [],
  racismForms: [],
  reporterRole: [],
};

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
  safeNow: null,
  suggested: noSuggestions,
};

/**
 * The questions of the interview: free recall first, then, early and gently, whether the person is safe now,
 * then the form's questions in its order. `suggestions` asks, once, to confirm what was read from the story.
 */
export const TOPICS = [
  'description',
  'safeNow',
  'when',
  'place',
  'suggestions',
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
    case 'safeNow':
      return draft.safeNow !== null;
    case 'suggestions':
      return pendingSuggestions(draft).length === 0;
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

/** The coded topics with codes waiting for the person's confirmation, where they have not answered themselves. */
export function pendingSuggestions(draft: AssistantDraft): CodedTopic[] {
  return (Object.keys(CODED_TOPICS) as CodedTopic[]).filter(
    (topic) => draft.suggested[topic].length > 0 && !isAnswered(draft, topic),
  );
}

/**
 * Topics still to ask about: not answered, not settled (skipped, declined, or asked and answered in words
 * that could not be read as an answer), a coded topic only when nothing about it waits for confirmation,
 * and the form of racism only when racism was named or suggested.
 */
export function missingTopics(draft: AssistantDraft, settled: readonly Topic[]): Topic[] {
  const pending = pendingSuggestions(draft);
  return TOPICS.filter(
    (topic) =>
      !settled.includes(topic) &&
      !isAnswered(draft, topic) &&
      !(pending as Topic[]).includes(topic) &&
      (topic !== 'racismForms' || draft.grounds.includes('racism') || draft.suggested.grounds.includes('racism')),
  );
}

/** The codes the person has not confirmed, as `dimension:code`: what the report carries apart, as inferred. */
export function inferredCodes(draft: AssistantDraft): string[] {
  return (Object.keys(CODED_TOPICS) as CodedTopic[]).flatMap((topic) =>
    isAnswered(draft, topic) ? [] : draft.suggested[topic].map((code) => `${CODED_TOPICS[topic]}:${code}`),
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
    inferredCodes: inferredCodes(draft),
    // The assistant never asks how to reach anyone: contact details are given on the form, if at all.
    contactEmail: '',
    contactPhone: '',
    contactLanguage: '',
  };
}
