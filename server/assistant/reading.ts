import {
  CODED_TOPICS,
  isAnswered,
  type AssistantDraft,
  type CodedTopic,
  type Topic,
} from '../../shared/assistant-draft';
import type { ModelReading } from './extract';
import type { TurnState } from './progress';

/** Which facts answer which topic. */
const FACT_TOPIC: Record<keyof ModelReading['facts'], Topic> = {
  whenDate: 'when',
  whenMonth: 'when',
  whenYear: 'when',
  ongoing: 'when',
  municipality: 'place',
  online: 'place',
  witnesses: 'witnesses',
  supportWanted: 'supportWanted',
  safeNow: 'safeNow',
};

/**
 * Takes the model's reading into the state, as a suggestion: its facts fill only what the person has not
 * answered (never overwriting their own words, unless these words correct them); its codes are the person's answer only for the topic just
 * asked and left unread by the parser, and otherwise wait in `suggested` for confirmation, until that
 * question has been asked; its quote of the consequences is kept only if it is word for word theirs.
 * Whether someone is safe, or would rather not answer, is taken from it only for the question just asked.
 */
export function takeReading(
  state: TurnState,
  reading: ModelReading,
  asking: Topic | null,
  parserUnderstood: boolean,
  correcting = false,
): TurnState {
  const draft: AssistantDraft = structuredClone(state.draft);
  const answeredBefore = (topic: Topic) => isAnswered(state.draft, topic) || state.skipped.includes(topic);
  const open = (topic: Topic) => !answeredBefore(topic) && !(topic === asking && parserUnderstood);

  for (const [key, value] of Object.entries(reading.facts) as [keyof ModelReading['facts'], unknown][]) {
    const topic = FACT_TOPIC[key];
    if (topic === 'safeNow' && asking !== 'safeNow') continue;
    // A fact the person gave before changes only when their words say they correct it.
    const correctable = correcting && topic !== 'safeNow' && !(topic === asking && parserUnderstood);
    if (open(topic) || correctable) (draft as unknown as Record<string, unknown>)[key] = value;
  }
  // A day replaces a month or a year read in the same answer: one precision at a time.
  if (draft.whenDate && !state.draft.whenDate) Object.assign(draft, { whenMonth: null, whenYear: null });

  const collecting = !state.asked.includes('suggestions');
  for (const topic of Object.keys(CODED_TOPICS) as CodedTopic[]) {
    const codes = reading.codes[topic];
    if (!codes?.length || !open(topic)) continue;
    if (topic === asking) {
      if (topic === 'lifeDomain') draft.lifeDomain = codes[0] as AssistantDraft['lifeDomain'];
      else if (topic === 'reporterRole') draft.reporterRole = codes[0] as AssistantDraft['reporterRole'];
      else (draft[topic] as string[]) = [...codes];
    } else if (collecting) {
      // The model read the whole story: its reading goes before a guess from single words.
      const merged = [...new Set([...codes, ...draft.suggested[topic]])];
      draft.suggested = {
        ...draft.suggested,
        [topic]: topic === 'lifeDomain' || topic === 'reporterRole' ? merged.slice(0, 1) : merged,
      };
    }
  }

  if (reading.consequences && !draft.consequences.trim()) draft.consequences = reading.consequences;
  // "Rather not say", read by the model, counts only for the question just asked.
  const declined = asking && !parserUnderstood && reading.declined.includes(asking) && !isAnswered(draft, asking);
  return { ...state, draft, skipped: declined ? [...state.skipped, asking] : state.skipped };
}
