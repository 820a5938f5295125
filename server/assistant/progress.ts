import type { AssistantTurn } from '../../shared/assistant';
import { isAnswered, missingTopics, type AssistantDraft, type Topic } from '../../shared/assistant-draft';
import { CONSEQUENCES_MAX, DESCRIPTION_MAX } from '../../shared/limits';
import type { AnswerReader } from './answers';
import { applyChoice, questionFor, SHORT_STORY_WORDS, type QuestionContext } from './questions';

/** What the browser holds between turns and the server updates: the draft and the course of the questions. */
export interface TurnState {
  draft: AssistantDraft;
  /** Topics the person skipped or would rather not answer. */
  skipped: Topic[];
  /** Every question asked so far: once asked and answered in any words, a topic is not asked again. */
  asked: Topic[];
}

/** How a turn's own action went, before any model has read it. */
export interface ActionResult {
  state: TurnState;
  /** The topic asked was answered (by a tap, or by typed words the parser read). */
  understood: boolean;
  /** Typed words that answered nothing readable: kept in the description, never lost. */
  keptAsStory: boolean;
  /** The person said they are not safe, or not sure. */
  unsafe: boolean;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** A reply to a fixed question that also tells more ("gestern, im Bus, er hat mich angespuckt") joins the story. */
const ANSWER_ONLY_WORDS = 6;

function appendText(existing: string, text: string, max: number): string {
  const joined = existing.trim() ? `${existing.trim()}\n\n${text.trim()}` : text.trim();
  return joined.slice(0, max);
}

/**
 * Facts the words name that the person has not answered yet: a town, the day, that it goes on. When the
 * words correct what was said before ("nicht in Stolberg, sondern in Eschweiler"), they replace it.
 */
function takeFacts(draft: AssistantDraft, text: string, reader: AnswerReader, ctx: Ctx): AssistantDraft {
  const { facts, lifeDomain } = reader.factsInStory(text, { locale: ctx.locale, today: ctx.today });
  const correcting = reader.corrects(text, ctx.locale);
  const next = structuredClone(draft);
  if ((correcting || !isAnswered(next, 'place')) && (facts.municipality || facts.online)) {
    next.municipality = facts.municipality ?? null;
    next.online = facts.online ?? null;
  }
  if (correcting && (facts.whenDate || facts.whenYear))
    Object.assign(next, { whenDate: null, whenMonth: null, whenYear: null });
  if (!isAnswered(next, 'when')) {
    if (facts.whenDate || facts.whenYear) Object.assign(next, pick(facts, ['whenDate', 'whenMonth', 'whenYear']));
    else if (facts.ongoing) next.ongoing = true;
  }
  if (lifeDomain && !isAnswered(next, 'lifeDomain') && !next.suggested.lifeDomain.includes(lifeDomain))
    next.suggested = { ...next.suggested, lifeDomain: [lifeDomain] };
  return next;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k] ?? null])) as Pick<T, K>;
}

type Ctx = QuestionContext & { locale: AssistantTurn['locale'] };

/**
 * Applies what the person did to the topic asked: a tap, a skip, or typed words. Typed words are read by
 * the same parser in both modes; the description and consequences are kept verbatim, and words that
 * answer nothing readable join the description, so that nothing typed is lost.
 */
export function applyAction(turn: AssistantTurn, reader: AnswerReader, ctx: Ctx): ActionResult {
  let state: TurnState = { draft: turn.draft, skipped: [...turn.skipped], asked: [...turn.asked] };
  const topic = turn.asking;
  const none = { understood: false, keptAsStory: false, unsafe: false };
  const settle = (t: Topic) => (state.skipped.includes(t) ? state.skipped : [...state.skipped, t]);

  if (turn.action.type === 'resume' || !topic) {
    if (turn.action.type !== 'say') return { state, ...none };
  }
  if (turn.action.type === 'skip' && topic) return { state: { ...state, skipped: settle(topic) }, ...none };
  if (turn.action.type === 'choose' && topic) {
    const result = applyChoice(state.draft, topic, turn.action.values, ctx);
    if (!result.understood) return { state, ...none };
    state = { ...state, draft: result.draft, skipped: result.settles ? settle(topic) : state.skipped };
    return {
      state,
      understood: true,
      keptAsStory: false,
      unsafe: topic === 'safeNow' && !turn.action.values.includes('yes'),
    };
  }
  if (turn.action.type !== 'say') return { state, ...none };

  const said = turn.messages.at(-1)?.content.trim() ?? '';
  const draft = state.draft;
  if (!topic || topic === 'description') {
    const story = takeFacts(
      { ...draft, description: appendText(draft.description, said, DESCRIPTION_MAX) },
      said,
      reader,
      ctx,
    );
    return { state: { ...state, draft: story }, understood: true, keptAsStory: false, unsafe: false };
  }
  if (topic === 'consequences') {
    const next = { ...draft, consequences: appendText(draft.consequences, said, CONSEQUENCES_MAX) };
    return { state: { ...state, draft: next }, understood: true, keptAsStory: false, unsafe: false };
  }

  // A typed confirmation of what was noted reads like a yes or a no.
  const parsed = reader.parse(topic === 'suggestions' ? 'supportWanted' : topic, said, ctx);
  let understood = false;
  let unsafe = false;
  if (parsed.kind === 'declined') {
    state = { ...state, skipped: settle(topic) };
    understood = true;
  } else if (parsed.kind === 'when') {
    state = { ...state, draft: { ...draft, ...parsed.fields } };
    understood = true;
  } else if (parsed.kind === 'values') {
    const values =
      topic === 'suggestions'
        ? parsed.values[0] === 'yes'
          ? (questionFor('suggestions', draft, ctx).picked ?? [])
          : []
        : parsed.values;
    const result = applyChoice(draft, topic, values, ctx);
    if (result.understood) {
      state = { ...state, draft: result.draft, skipped: result.settles ? settle(topic) : state.skipped };
      understood = true;
      unsafe = topic === 'safeNow' && parsed.values[0] !== 'yes';
    }
  }
  // A town or a day in the words counts for its own question too ("gestern, in Stolberg"); whatever else
  // they say joins the story.
  const keep = !understood || words(said) > ANSWER_ONLY_WORDS;
  const told = keep
    ? { ...state.draft, description: appendText(state.draft.description, said, DESCRIPTION_MAX) }
    : state.draft;
  state = { ...state, draft: takeFacts(told, said, reader, ctx) };
  return { state, understood, keptAsStory: keep && !understood, unsafe };
}

/**
 * The next question: a question whose reply could not be read is asked once more in the scripted
 * interview (with its quick replies); a short story earns one invitation to say more; then the first
 * topic neither answered nor settled. Never a topic asked before and answered.
 */
export function nextTopic(state: TurnState, reask: Topic | null, danger = false): Topic | null {
  const { draft, skipped, asked } = state;
  // When someone may be in danger, the next question is whether they are safe now, if not yet asked.
  if (danger && draft.safeNow === null && !asked.includes('safeNow') && !skipped.includes('safeNow')) return 'safeNow';
  if (reask && !skipped.includes(reask) && asked.filter((t) => t === reask).length < 2) return reask;
  if (!skipped.includes('description')) {
    if (!draft.description.trim()) return 'description';
    if (words(draft.description) < SHORT_STORY_WORDS && !asked.includes('description')) return 'description';
  }
  return missingTopics(draft, [...skipped, ...asked])[0] ?? null;
}
