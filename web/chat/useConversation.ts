import { useEffect, useRef, useState } from 'preact/hooks';
import { emptyDraft, type AssistantDraft, type Topic } from '../../shared/assistant-draft';
import type { AssistantDanger, AssistantQuestion } from '../../shared/assistant-events';
import type { Locale } from '../../shared/locales';
import { postTurn, type TurnEvent } from './sse';

export type ChatMode = 'llm' | 'scripted';

export interface Bubble {
  id: number;
  role: 'user' | 'assistant';
  text: string;
  /** The model is still writing it. */
  streaming?: boolean;
  /** Cut off by an error: shown, but not part of the conversation the model sees. */
  interrupted?: boolean;
}

export interface ChatState {
  mode: ChatMode;
  bubbles: Bubble[];
  /** The conversation as the server gets it back with every turn: it keeps none itself. */
  conversation: { role: 'user' | 'assistant'; content: string }[];
  draft: AssistantDraft;
  skipped: Topic[];
  /** Every question asked so far: the server asks none of them again once answered. */
  asked: Topic[];
  question: AssistantQuestion | null;
  busy: boolean;
  /** The turn has taken longer than a person should wait without a word: say so, and offer a way on. */
  slow: boolean;
  danger: AssistantDanger | null;
  error: { code: string; message: string } | null;
  complete: boolean;
}

type Action = { type: 'say' } | { type: 'choose'; values: string[] } | { type: 'skip' } | { type: 'resume' };

interface Options {
  locale: Locale;
  mode: ChatMode;
  stillWorkingMs: number;
  greeting: string[];
  texts: { skipped: string; networkError: string };
}

/**
 * The conversation, held only in this page's memory: closing the tab forgets it. Every turn sends all of
 * it to the server and applies the events that come back.
 */
export function useConversation({ locale, mode, stillWorkingMs, greeting, texts }: Options) {
  const [state, setState] = useState<ChatState>(() => ({
    mode,
    bubbles: greeting.map((text, id) => ({ id, role: 'assistant', text })),
    conversation: greeting.map((content) => ({ role: 'assistant', content })),
    draft: emptyDraft,
    skipped: [],
    asked: [],
    question: { topic: 'description', kind: 'text', options: [] },
    busy: false,
    slow: false,
    danger: null,
    error: null,
    complete: false,
  }));
  // Events arrive between renders: they read and write the latest state, not the one of the last render.
  const current = useRef(state);
  const nextId = useRef(greeting.length);
  const lastRequest = useRef<{ body: Record<string, unknown>; abort: AbortController } | null>(null);
  const update = (change: (s: ChatState) => Partial<ChatState>) => {
    current.current = { ...current.current, ...change(current.current) };
    setState(current.current);
  };

  useEffect(() => {
    if (!state.busy || state.slow) return;
    const timer = setTimeout(() => update(() => ({ slow: true })), stillWorkingMs);
    return () => clearTimeout(timer);
  }, [state.busy, state.slow]);

  const send = async (action: Action, said?: string) => {
    const s = current.current;
    if (s.busy) return;
    const conversation =
      said === undefined ? s.conversation : [...s.conversation, { role: 'user' as const, content: said }];
    const bubbles =
      said === undefined ? s.bubbles : [...s.bubbles, { id: nextId.current++, role: 'user' as const, text: said }];
    update(() => ({ conversation, bubbles }));
    await run({
      locale,
      mode: s.mode,
      messages: conversation,
      draft: s.draft,
      skipped: s.skipped,
      asked: s.asked,
      asking: s.question?.topic ?? null,
      action,
    });
  };

  const run = async (body: Record<string, unknown>) => {
    const abort = new AbortController();
    lastRequest.current = { body, abort };
    update((s) => ({ busy: true, slow: false, error: null, bubbles: s.bubbles.filter((b) => !b.interrupted) }));
    await postTurn(body, apply, texts.networkError, abort.signal);
  };

  const apply = (e: TurnEvent) => {
    switch (e.event) {
      case 'safety':
        return update(() => ({ danger: e.data.danger }));
      case 'draft':
        return update(() => ({ draft: e.data.draft, skipped: e.data.skipped, asked: e.data.asked }));
      case 'question':
        return update(() => ({ question: e.data.question }));
      case 'delta':
        return update((s) => {
          const last = s.bubbles.at(-1);
          if (last?.streaming)
            return { bubbles: [...s.bubbles.slice(0, -1), { ...last, text: last.text + e.data.text }] };
          const bubble: Bubble = { id: nextId.current++, role: 'assistant', text: e.data.text, streaming: true };
          return { bubbles: [...s.bubbles, bubble] };
        });
      // A whole message (the scripted interview, or the fixed question in place of a model reply) joins the
      // conversation on `done`, like a streamed one.
      case 'message':
        return update((s) => ({
          bubbles: [...s.bubbles, { id: nextId.current++, role: 'assistant', text: e.data.text, streaming: true }],
        }));
      case 'done':
        return update((s) => {
          const last = s.bubbles.at(-1);
          const reply = last?.streaming ? last : null;
          return {
            busy: false,
            slow: false,
            complete: e.data.complete,
            bubbles: reply ? [...s.bubbles.slice(0, -1), { ...reply, streaming: false }] : s.bubbles,
            conversation: reply ? [...s.conversation, { role: 'assistant', content: reply.text }] : s.conversation,
          };
        });
      case 'error':
        return update((s) => {
          const last = s.bubbles.at(-1);
          const cut = last?.streaming
            ? [...s.bubbles.slice(0, -1), { ...last, streaming: false, interrupted: true }]
            : s.bubbles;
          return { busy: false, slow: false, error: e.data, bubbles: cut };
        });
    }
  };

  return {
    state,
    say: (text: string) => send({ type: 'say' }, text),
    choose: (values: string[], labels: string) => send({ type: 'choose', values }, labels),
    skip: () => send({ type: 'skip' }, texts.skipped),
    retry: () => (lastRequest.current ? run(lastRequest.current.body) : undefined),
    /**
     * From the model to the fixed questions, keeping everything gathered so far. A turn still waiting for the
     * model is given up and sent again to the fixed questions, so that what was just typed is read too.
     */
    toScripted: () => {
      const pending = lastRequest.current;
      const waiting = current.current.busy && pending;
      update((s) => ({
        mode: 'scripted',
        busy: false,
        slow: false,
        bubbles: s.bubbles.filter((b) => !b.streaming),
      }));
      if (waiting) {
        pending.abort.abort();
        return run({ ...pending.body, mode: 'scripted' });
      }
      return send({ type: 'resume' });
    },
  };
}
