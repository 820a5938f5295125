import { latinDigits } from '../../shared/digits';
import type { AssistantDraft, Topic } from '../../shared/assistant-draft';
import type { AssistantQuestion } from '../../shared/assistant-events';
import { EARLIEST_YEAR } from '../../shared/limits';
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
import type { MessageKey, Translate } from '../../shared/i18n/translate';

/**
 * The form's questions as chat questions: their wording, their quick replies, and how an answer (a quick
 * reply or typed text) fills the draft. The scripted interview is made of these alone; with a model, the
 * quick replies are offered beside the model's own wording of the question.
 */
export interface QuestionContext {
  t: Translate;
  office: Office;
  today: Date;
}

const WHEN_CHOICES = ['today', 'this_month', 'this_year', 'last_year', 'earlier', 'ongoing', 'unknown'] as const;

export function questionFor(topic: Topic, { t, office }: QuestionContext): AssistantQuestion {
  const coded = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
  switch (topic) {
    case 'description':
    case 'consequences':
      return { topic, kind: 'text', options: [] };
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

export function questionText(topic: Topic, t: Translate): string {
  return t(`assistant.q.${topic}` as MessageKey);
}

export type AnswerResult = { draft: AssistantDraft; understood: true; skip?: boolean } | { understood: false };

/**
 * Fills the draft from an answer to `topic`: quick-reply values, or typed text that names one of them
 * (or a date, for "when"). Text that fits nothing is not understood, and the question is asked again.
 */
export function applyAnswer(
  draft: AssistantDraft,
  topic: Topic,
  answer: { values: string[] } | { text: string },
  ctx: QuestionContext,
): AnswerResult {
  const next = structuredClone(draft);
  if (topic === 'description' || topic === 'consequences') {
    const text = 'text' in answer ? answer.text.trim() : '';
    if (!text) return { understood: false };
    next[topic] = next[topic] ? `${next[topic]}\n\n${text}` : text;
    return { draft: next, understood: true };
  }
  if (topic === 'when' && 'text' in answer) {
    const when = parseWhen(answer.text, ctx.today);
    return when ? { draft: { ...next, ...when }, understood: true } : { understood: false };
  }
  const question = questionFor(topic, ctx);
  const values = 'values' in answer ? answer.values : matchOptions(answer.text, question.options);
  const known = values.filter((v) => question.options.some((o) => o.value === v));
  if (known.length === 0 || (question.kind !== 'multi' && known.length > 1)) return { understood: false };
  const [value] = known as [string];
  switch (topic) {
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
  }
  return { draft: next, understood: true };
}

function whenChoice(draft: AssistantDraft, choice: string, today: Date): AnswerResult {
  const year = today.getUTCFullYear();
  const set = (fields: Partial<AssistantDraft>): AnswerResult => ({
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
      return { draft, understood: true, skip: true };
  }
}

/** A typed date: 24.12.2025, 2025-12-24, 12/2025, 12.2025 or 2025. Never a time of day, never the future. */
export function parseWhen(text: string, today: Date): Partial<AssistantDraft> | null {
  const s = latinDigits(text.trim());
  const check = (y: number, m?: number, d?: number): Partial<AssistantDraft> | null => {
    if (y < EARLIEST_YEAR || (m !== undefined && (m < 1 || m > 12))) return null;
    if (d !== undefined) {
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const date = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || isoDay(date) !== iso || iso > isoDay(today)) return null;
      return { whenDate: iso, whenMonth: null, whenYear: null };
    }
    const value = m === undefined ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
    if (value > isoDay(today).slice(0, value.length)) return null;
    return { whenDate: null, whenYear: y, whenMonth: m ?? null };
  };
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return check(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return check(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return check(Number(m[2]), Number(m[1]));
  m = /^(\d{4})$/.exec(s);
  if (m) return check(Number(m[1]));
  return null;
}

/** Typed text naming options: the code itself, or a label it matches (case and accents aside). */
function matchOptions(text: string, options: { value: string; label: string }[]): string[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const typed = fold(text);
  if (!typed) return [];
  const exact = options.filter((o) => fold(o.label) === typed || o.value === typed);
  if (exact.length) return exact.map((o) => o.value);
  return options.filter((o) => typed.length >= 3 && fold(o.label).includes(typed)).map((o) => o.value);
}
