import type { AssistantTurn } from '../../shared/assistant';
import { missingTopics, type AssistantDraft, type Topic } from '../../shared/assistant-draft';
import type { AssistantEventName, AssistantEvents } from '../../shared/assistant-events';
import { DESCRIPTION_MAX } from '../../shared/limits';
import type { Translate } from '../../shared/i18n/translate';
import type { Clock } from '../clock';
import type { Office } from '../office/schema';
import { createExtractor } from './extract';
import { interviewMessages } from './interview';
import { LlmError, type LlmClient } from './llm';
import type { PromptStore } from './prompts';
import { applyAnswer, questionFor, questionText, type QuestionContext } from './questions';
import { detectDanger, type Danger } from './danger';

export type Emit = <E extends AssistantEventName>(event: E, data: AssistantEvents[E]) => Promise<void>;

export interface AssistantServiceDeps {
  llm: LlmClient | null;
  prompts: PromptStore;
  office: Office;
  clock: Clock;
}

/**
 * One turn of the interview, from what the browser sent to the events it gets back. Nothing of the
 * conversation outlives the call: the browser holds it and sends it again with the next turn.
 */
export function createAssistantService({ llm, prompts, office, clock }: AssistantServiceDeps) {
  const extract = llm ? createExtractor({ llm, prompts, office }) : null;
  let inFlight = 0;

  return {
    /** Whether turns can go to a model now: the page opens in the scripted interview otherwise. */
    async modelAvailable(): Promise<boolean> {
      return llm ? llm.isAvailable() : false;
    },

    async turn(turn: AssistantTurn, t: Translate, emit: Emit, signal: AbortSignal): Promise<void> {
      const ctx: QuestionContext = { t, office, today: clock.now() };
      const said = turn.action.type === 'say' ? (turn.messages.at(-1)?.content ?? '') : '';
      // Before anything else, and before any model is asked: help for someone in danger cannot wait.
      let danger: Danger | null = said ? detectDanger(said) : null;
      if (danger) await emit('safety', { danger });

      if (turn.mode === 'scripted' || !llm || !extract) return scriptedTurn(turn, said, ctx, emit);

      if (inFlight >= llm.settings.maxConcurrent) return fail(emit, t, 'assistant.error.busy');
      inFlight++;
      try {
        let draft = turn.draft;
        let skipped = [...turn.skipped];
        if (turn.action.type === 'skip' && turn.asking) skipped = addTopic(skipped, turn.asking);
        if (turn.action.type === 'choose' && turn.asking) {
          const answer = applyAnswer(draft, turn.asking, { values: turn.action.values }, ctx);
          if (answer.understood) {
            draft = answer.draft;
            if (answer.skip) skipped = addTopic(skipped, turn.asking);
          }
        }
        if (turn.action.type === 'say') {
          try {
            const extracted = await extract(
              { messages: turn.messages, draft, locale: turn.locale },
              clock.now(),
              signal,
            );
            draft = extracted.draft;
            for (const topic of extracted.declined) skipped = addTopic(skipped, topic);
            if (!danger && extracted.danger !== 'none') {
              danger = extracted.danger;
              await emit('safety', { danger });
            }
          } catch (error) {
            // What the reporter wrote must survive the model's absence: it becomes the description.
            await emit('draft', { draft: withOwnWords(draft, turn.messages), skipped });
            throw error;
          }
          draft = withOwnWords(draft, turn.messages);
        }
        await emit('draft', { draft, skipped });

        const next = missingTopics(draft, skipped)[0] ?? null;
        await emit('question', { question: next ? questionFor(next, ctx) : null });
        const messages = interviewMessages({
          prompt: prompts.interview,
          office,
          locale: turn.locale,
          conversation: turn.messages,
          next,
          skippedJustNow: turn.action.type === 'skip',
          danger,
        });
        for await (const text of llm.streamChat(messages, { signal })) await emit('delta', { text });
        await emit('done', { complete: next === null });
      } catch (error) {
        if (!(error instanceof LlmError)) throw error;
        await fail(emit, t, `assistant.error.${error.failure}`);
      } finally {
        inFlight--;
      }
    },
  };
}
export type AssistantService = ReturnType<typeof createAssistantService>;

/** The form's questions in order, asked by the server itself: what runs when no model answers. */
async function scriptedTurn(turn: AssistantTurn, said: string, ctx: QuestionContext, emit: Emit): Promise<void> {
  let { draft } = turn;
  let skipped = [...turn.skipped];
  let understood = true;
  if (turn.asking && turn.action.type !== 'resume') {
    if (turn.action.type === 'skip') skipped = addTopic(skipped, turn.asking);
    else {
      const answer = applyAnswer(
        draft,
        turn.asking,
        turn.action.type === 'choose' ? { values: turn.action.values } : { text: said },
        ctx,
      );
      if (answer.understood) {
        draft = answer.draft;
        if (answer.skip) skipped = addTopic(skipped, turn.asking);
      }
      understood = answer.understood;
    }
  }
  await emit('draft', { draft, skipped });
  const next = missingTopics(draft, skipped)[0] ?? null;
  const text = next ? questionText(next, ctx.t) : ctx.t('assistant.complete');
  await emit('message', { text: understood ? text : `${ctx.t('assistant.not_understood')} ${text}` });
  await emit('question', { question: next ? questionFor(next, ctx) : null });
  await emit('done', { complete: next === null });
}

function addTopic(list: Topic[], topic: Topic): Topic[] {
  return list.includes(topic) ? list : [...list, topic];
}

/**
 * When no usable description came back from the model, the reporter's own messages are the description:
 * their words exactly, which they check and can change on the review screen.
 */
function withOwnWords(draft: AssistantDraft, messages: AssistantTurn['messages']): AssistantDraft {
  if (draft.description.trim()) return draft;
  const own = messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content.trim())
    .filter(Boolean)
    .join('\n\n');
  return { ...draft, description: own.slice(0, DESCRIPTION_MAX) };
}

async function fail(emit: Emit, t: Translate, key: string) {
  await emit('error', { code: key, message: t(key as never) });
}
