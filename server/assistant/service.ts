import type { AssistantTurn } from '../../shared/assistant';
import type { Topic } from '../../shared/assistant-draft';
import type { AssistantEventName, AssistantEvents } from '../../shared/assistant-events';
import type { Translate } from '../../shared/i18n/translate';
import type { Clock } from '../clock';
import type { Office } from '../office/schema';
import { createAnswerReader } from './answers';
import { detectDanger, type Danger } from './danger';
import { createExtractor, type ModelReading } from './extract';
import { interviewMessages } from './interview';
import { LlmError, type LlmClient } from './llm';
import { applyAction, nextTopic, type ActionResult, type TurnState } from './progress';
import type { PromptStore } from './prompts';
import { questionFor, questionText, type QuestionContext } from './questions';
import { takeReading } from './reading';
import { createReplyFilter } from './reply';

export type Emit = <E extends AssistantEventName>(event: E, data: AssistantEvents[E]) => Promise<void>;

export interface AssistantServiceDeps {
  llm: LlmClient | null;
  prompts: PromptStore;
  office: Office;
  clock: Clock;
}

/** The share of a turn's deadline the reading of the answer may take; the rest is the reply's. */
const EXTRACTION_SHARE = 0.6;
const STILL_WORKING_MAX_MS = 8_000;

type Ctx = QuestionContext & { locale: AssistantTurn['locale'] };

/**
 * One turn of the interview, from what the browser sent to the events it gets back. Nothing of the
 * conversation outlives the call: the browser holds it and sends it again with the next turn.
 */
export function createAssistantService({ llm, prompts, office, clock }: AssistantServiceDeps) {
  const reader = createAnswerReader(office);
  const extract = llm ? createExtractor({ llm, prompts, office }) : null;
  let inFlight = 0;

  return {
    /** Whether turns can go to a model now: the page opens in the scripted interview otherwise. */
    async modelAvailable(): Promise<boolean> {
      return llm ? llm.isAvailable() : false;
    },

    /**
     * After how long a turn without a word shows "still working" and the way on to the fixed questions: a
     * third of the turn's deadline, and never more than eight seconds.
     */
    stillWorkingMs(): number {
      return Math.min(STILL_WORKING_MAX_MS, Math.round((llm?.settings.turnTimeoutMs ?? STILL_WORKING_MAX_MS) / 3));
    },

    async turn(turn: AssistantTurn, t: Translate, emit: Emit, signal: AbortSignal): Promise<void> {
      const ctx: Ctx = { t, office, today: clock.now(), locale: turn.locale };
      const said = turn.action.type === 'say' ? (turn.messages.at(-1)?.content ?? '') : '';
      // Before anything else, and before any model is asked: help for someone in danger cannot wait.
      let danger: Danger | null = said ? detectDanger(said) : null;
      if (danger) await emit('safety', { danger });
      const acted = applyAction(turn, reader, ctx);
      if (acted.unsafe && !danger) {
        danger = 'acute_danger';
        await emit('safety', { danger });
      }

      if (turn.mode === 'scripted' || !llm || !extract) return scriptedTurn(turn, acted, danger, ctx, emit);

      if (inFlight >= llm.settings.maxConcurrent) {
        // What the person wrote is kept; the fixed questions can take over.
        await emit('draft', { ...acted.state });
        return fail(emit, t, 'assistant.error.busy');
      }
      inFlight++;
      try {
        const deadline = Date.now() + llm.settings.turnTimeoutMs;
        let state = acted.state;
        if (turn.action.type === 'say') {
          const reading = await readWithModel(turn, state, ctx, deadline, signal);
          if (reading === 'unavailable') {
            await emit('draft', { ...state });
            return fail(emit, t, 'assistant.error.unavailable');
          }
          if (reading) {
            state = takeReading(state, reading, turn.asking, acted.understood, reader.corrects(said, turn.locale));
            if (!danger && reading.danger !== 'none') {
              danger = reading.danger;
              await emit('safety', { danger });
            }
          }
        }
        const next = nextTopic(state, null, danger !== null);
        const asked = next ? [...state.asked, next] : state.asked;
        await emit('draft', { ...state, asked });
        await emit('question', { question: next ? questionFor(next, state.draft, ctx) : null });
        await reply(turn, { ...state, asked }, next, danger, ctx, deadline, emit, signal);
        await emit('done', { complete: next === null });
      } catch (error) {
        if (!(error instanceof LlmError)) throw error;
        await fail(emit, t, `assistant.error.${error.failure}`);
      } finally {
        inFlight--;
      }
    },
  };

  /** The model's reading of the conversation within its share of the deadline; null when it gave none. */
  async function readWithModel(
    turn: AssistantTurn,
    state: TurnState,
    ctx: Ctx,
    deadline: number,
    signal: AbortSignal,
  ): Promise<ModelReading | null | 'unavailable'> {
    const budget = Math.floor((deadline - Date.now()) * EXTRACTION_SHARE);
    try {
      return await extract!(
        { messages: turn.messages, draft: state.draft, locale: turn.locale, asking: turn.asking },
        ctx.today,
        { signal, timeoutMs: Math.max(budget, 1) },
      );
    } catch (error) {
      if (!(error instanceof LlmError)) throw error;
      // A model that is not there at all cannot word the reply either; anything else, the reply may still do.
      return error.failure === 'unavailable' ? 'unavailable' : null;
    }
  }

  /**
   * The model's reply, streamed and cleaned sentence by sentence. When it does not begin before the turn's
   * deadline, or comes empty, in markup only, or in a language the person neither chose nor writes in, the
   * fixed question takes its place, and the conversation goes on.
   */
  async function reply(
    turn: AssistantTurn,
    state: TurnState,
    next: Topic | null,
    danger: Danger | null,
    ctx: Ctx,
    deadline: number,
    emit: Emit,
    signal: AbortSignal,
  ): Promise<void> {
    const fixed = fixedText(state, next, danger, ctx);
    const remaining = deadline - Date.now();
    if (remaining < 250)
      return emit('message', { text: `${ctx.t('assistant.fallback_slow')} ${fixed}`, fallback: 'slow' });
    const messages = interviewMessages({
      prompt: prompts.interview,
      office,
      locale: turn.locale,
      conversation: turn.messages,
      next,
      draft: state.draft,
      skippedJustNow: turn.action.type === 'skip',
      danger,
    });
    const said = [...turn.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const filter = createReplyFilter(turn.locale, said);
    try {
      for await (const chunk of llm!.streamChat(messages, { signal, firstTokenMs: remaining })) {
        const text = filter.push(chunk);
        if (text) await emit('delta', { text });
      }
    } catch (error) {
      if (!(error instanceof LlmError) || filter.text || error.failure !== 'timeout') throw error;
      return emit('message', { text: `${ctx.t('assistant.fallback_slow')} ${fixed}`, fallback: 'slow' });
    }
    const rest = filter.end();
    if (rest) await emit('delta', { text: rest });
    if (!filter.text) await emit('message', { text: fixed, fallback: 'unusable' });
  }
}
export type AssistantService = ReturnType<typeof createAssistantService>;

/** The fixed words for a turn: the safety message when someone may be in danger, then the next question. */
function fixedText(state: TurnState, next: Topic | null, danger: Danger | null, ctx: Ctx): string {
  const question = next ? questionText(next, state.draft, ctx) : ctx.t('assistant.complete');
  return danger
    ? `${ctx.t(danger === 'self_harm' ? 'assistant.safety_self' : 'assistant.safety_now')} ${question}`
    : question;
}

/** The questions in order, asked by the server itself: what runs when no model answers. */
async function scriptedTurn(
  turn: AssistantTurn,
  acted: ActionResult,
  danger: Danger | null,
  ctx: Ctx,
  emit: Emit,
): Promise<void> {
  const { state } = acted;
  const typedUnread = turn.action.type === 'say' && !acted.understood && turn.asking;
  const next = nextTopic(state, typedUnread ? turn.asking : null, danger !== null);
  const asked = next ? [...state.asked, next] : state.asked;
  await emit('draft', { ...state, asked });
  const reasked = typedUnread && next === turn.asking;
  const lead = reasked ? ctx.t('assistant.not_understood') : acted.keptAsStory ? ctx.t('assistant.kept_words') : '';
  const text = fixedText({ ...state, asked }, next, danger, ctx);
  await emit('message', { text: lead ? `${lead} ${text}` : text });
  await emit('question', { question: next ? questionFor(next, state.draft, ctx) : null });
  await emit('done', { complete: next === null });
}

async function fail(emit: Emit, t: Translate, key: string) {
  await emit('error', { code: key, message: t(key as never) });
}
