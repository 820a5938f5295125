import {
  CODED_TOPICS,
  pendingSuggestions,
  type AssistantDraft,
  type CodedTopic,
  type Topic,
} from '../../shared/assistant-draft';
import type { AssistantQuestion } from '../../shared/assistant-events';
import type { MessageKey, Translate } from '../../shared/i18n/translate';
import {
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  OTHER_PLACES,
  RACISM_FORMS,
  REPORTER_ROLES,
  WITNESS_ANSWERS,
} from '../../shared/taxonomy';
import { isoDay } from '../clock';
import type { Office } from '../office/schema';

/**
 * The interview's questions: their wording, their quick replies, and how a quick reply fills the draft.
 * The scripted interview is made of these alone; with a model, the quick replies are offered beside the
 * model's own wording of the question.
 */
export interface QuestionContext {
  t: Translate;
  office: Office;
  today: Date;
}

const WHEN_CHOICES = ['today', 'this_month', 'this_year', 'last_year', 'earlier', 'ongoing', 'unknown'] as const;
const SAFE_CHOICES = ['yes', 'no', 'unsure'] as const;

/** The labels of a coded topic's codes, for quick replies and for saying what was noted. */
const LABEL_PREFIX: Record<CodedTopic, string> = {
  lifeDomain: 'life_domain',
  incidentForms: 'incident_form',
  grounds: 'ground',
  racismForms: 'racism_form',
  reporterRole: 'role',
};

/** A story shorter than this is met with an invitation to say more before the questions begin. */
export const SHORT_STORY_WORDS = 25;

export function questionFor(topic: Topic, draft: AssistantDraft, { t, office }: QuestionContext): AssistantQuestion {
  const coded = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
  switch (topic) {
    case 'description':
      // Asked again only to invite more of the story, with a way to say that was all.
      return draft.description.trim()
        ? { topic, kind: 'choice', options: [{ value: 'done', label: t('assistant.description_done') }] }
        : { topic, kind: 'text', options: [] };
    case 'consequences':
      return { topic, kind: 'text', options: [] };
    case 'safeNow':
      return { topic, kind: 'choice', options: coded('assistant.safe', SAFE_CHOICES) };
    case 'suggestions':
      return {
        topic,
        kind: 'multi',
        options: pendingSuggestions(draft).flatMap((codedTopic) =>
          draft.suggested[codedTopic].map((code) => ({
            value: `${CODED_TOPICS[codedTopic]}:${code}`,
            label: t(`${LABEL_PREFIX[codedTopic]}.${code}` as MessageKey),
          })),
        ),
        // Everything noted starts chosen: the person removes what is not right, and confirms.
        picked: pendingSuggestions(draft).flatMap((codedTopic) =>
          draft.suggested[codedTopic].map((code) => `${CODED_TOPICS[codedTopic]}:${code}`),
        ),
      };
    case 'when':
      return { topic, kind: 'choice', options: coded('assistant.when', WHEN_CHOICES) };
    case 'place':
      return {
        topic,
        kind: 'choice',
        options: [
          ...office.municipalities.map((m) => ({ value: m.code, label: m.name })),
          { value: 'online', label: t('place.online') },
          ...OTHER_PLACES.map((p) => ({ value: p, label: t(`place.${p}` as MessageKey, { region: office.region }) })),
        ],
      };
    case 'lifeDomain':
      return { topic, kind: 'choice', options: coded('life_domain', LIFE_DOMAINS) };
    case 'incidentForms':
      return { topic, kind: 'multi', options: coded('incident_form', INCIDENT_FORMS) };
    case 'grounds':
      return { topic, kind: 'multi', options: coded('ground', GROUNDS) };
    case 'racismForms':
      return { topic, kind: 'multi', options: coded('racism_form', RACISM_FORMS) };
    case 'reporterRole':
      return { topic, kind: 'choice', options: coded('role', REPORTER_ROLES) };
    case 'witnesses':
      return { topic, kind: 'choice', options: coded('witnesses', WITNESS_ANSWERS) };
    case 'supportWanted':
      return {
        topic,
        kind: 'choice',
        options: [
          { value: 'yes', label: t('assistant.support_yes') },
          { value: 'no', label: t('assistant.support_no') },
        ],
      };
  }
}

/** The fixed wording of a question, in the person's language. */
export function questionText(topic: Topic, draft: AssistantDraft, ctx: QuestionContext): string {
  const { t } = ctx;
  if (topic === 'description' && draft.description.trim()) return t('assistant.q.description_more');
  if (topic === 'suggestions') {
    const noted = questionFor(topic, draft, ctx).options.map((o) => o.label);
    return t('assistant.q.suggestions', { noted: noted.join(t('assistant.list_separator')) });
  }
  return t(`assistant.q.${topic}` as MessageKey);
}

export type ChoiceResult = { draft: AssistantDraft; understood: true; settles?: boolean } | { understood: false };

/**
 * Fills the draft from quick-reply values for `topic` (tapped, or read from typed words). Values that are
 * not among the question's replies are not understood. `settles`: the question is answered without a
 * value the statistics could use ("earlier", "I don't know").
 */
export function applyChoice(draft: AssistantDraft, topic: Topic, values: string[], ctx: QuestionContext): ChoiceResult {
  const question = questionFor(topic, draft, ctx);
  const known = values.filter((v) => question.options.some((o) => o.value === v));
  if (topic === 'suggestions') return confirmSuggestions(draft, known);
  if (known.length === 0 || (question.kind !== 'multi' && known.length > 1)) return { understood: false };
  const next = structuredClone(draft);
  const [value] = known as [string];
  switch (topic) {
    case 'description':
      return { draft: next, understood: true, settles: true };
    case 'safeNow':
      next.safeNow = value === 'yes';
      break;
    case 'when':
      return whenChoice(next, value, ctx.today);
    case 'place':
      if (value === 'online') next.online = true;
      else next.municipality = value;
      break;
    case 'lifeDomain':
      next.lifeDomain = value as AssistantDraft['lifeDomain'];
      break;
    case 'incidentForms':
    case 'grounds':
    case 'racismForms':
      (next[topic] as string[]) = [...new Set([...next[topic], ...known])];
      break;
    case 'reporterRole':
      next.reporterRole = value as AssistantDraft['reporterRole'];
      break;
    case 'witnesses':
      next.witnesses = value as AssistantDraft['witnesses'];
      break;
    case 'supportWanted':
      next.supportWanted = value === 'yes';
      break;
    case 'consequences':
      return { understood: false };
  }
  return { draft: next, understood: true };
}

/**
 * The confirmed codes become the person's own coding; the ones they removed are dropped, not kept as
 * inferred: the person said they do not fit.
 */
function confirmSuggestions(draft: AssistantDraft, confirmed: string[]): ChoiceResult {
  const next = structuredClone(draft);
  for (const topic of pendingSuggestions(draft)) {
    const chosen = draft.suggested[topic].filter((code) => confirmed.includes(`${CODED_TOPICS[topic]}:${code}`));
    next.suggested[topic] = [];
    if (chosen.length === 0) continue;
    if (topic === 'lifeDomain') next.lifeDomain = chosen[0] as AssistantDraft['lifeDomain'];
    else if (topic === 'reporterRole') next.reporterRole = chosen[0] as AssistantDraft['reporterRole'];
    else (next[topic] as string[]) = [...new Set([...next[topic], ...chosen])];
  }
  return { draft: next, understood: true };
}

function whenChoice(draft: AssistantDraft, choice: string, today: Date): ChoiceResult {
  const year = today.getUTCFullYear();
  const set = (fields: Partial<AssistantDraft>): ChoiceResult => ({
    draft: { ...draft, whenDate: null, whenMonth: null, whenYear: null, ...fields },
    understood: true,
  });
  switch (choice) {
    case 'today':
      return set({ whenDate: isoDay(today) });
    case 'this_month':
      return set({ whenYear: year, whenMonth: today.getUTCMonth() + 1 });
    case 'this_year':
      return set({ whenYear: year });
    case 'last_year':
      return set({ whenYear: year - 1 });
    case 'ongoing':
      return { draft: { ...draft, ongoing: true }, understood: true };
    // "Earlier" and "I don't know" carry no date the statistics could use: the question is settled without one.
    default:
      return { draft, understood: true, settles: true };
  }
}
