import { useEffect, useRef, useState } from 'preact/hooks';
import { formValuesFromDraft } from '../../shared/assistant-draft';
import { ASSISTANT_MESSAGE_MAX, ASSISTANT_TURNS_MAX } from '../../shared/limits';
import { DraftPanel } from '../chat/DraftPanel';
import { QuickReplies } from '../chat/QuickReplies';
import { useConversation, type ChatMode, type ChatState } from '../chat/useConversation';
import { EvidenceField } from '../components/Evidence';
import { Hidden } from '../components/fields';
import type { EvidenceField as EvidenceFieldState } from '../../shared/evidence';
import { CounsellingList, EmergencyBox } from '../components/HelpContacts';
import { Layout } from '../components/Layout';
import { usePage } from '../components/page-context';

export interface AssistantProps {
  /** 'scripted' when no model answers or the office switched it off. */
  mode: ChatMode;
  /** After how long without a reply the chat says it is still working and offers the fixed questions. */
  stillWorkingMs: number;
  /** Files the office takes: the hand-off asks for a screenshot, letter or photo. Absent when it takes none. */
  evidence?: EvidenceFieldState;
}

/**
 * The chat: the model's interview or the scripted one, on the same screen. It needs JavaScript; without it,
 * the page says so and points to the form. Whatever was gathered goes to the review screen (or the form)
 * as an ordinary form post, so the chat ends exactly where the form does.
 */
export function AssistantPage({ mode, stillWorkingMs, evidence }: AssistantProps) {
  const { t, href } = usePage();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return (
    <Layout title={t('assistant.title')}>
      <p class="lead">{t('assistant.lead')}</p>
      {enhanced ? (
        <Chat mode={mode} stillWorkingMs={stillWorkingMs} evidence={evidence} />
      ) : (
        // Holds the chat's place until it starts, so the page does not jump when it appears.
        <div class="chat-pending">
          <noscript>
            <p class="notice">
              {t('assistant.noscript')} <a href={href('/report')}>{t('assistant.to_form')}</a>
            </p>
          </noscript>
        </div>
      )}
    </Layout>
  );
}

function Chat({ mode, stillWorkingMs, evidence }: AssistantProps) {
  const { t, locale, office } = usePage();
  const { state, say, choose, skip, retry, toScripted } = useConversation({
    locale,
    mode,
    stillWorkingMs,
    greeting: [t('assistant.greeting', { office: office.name }), t('assistant.q.description')],
    texts: { skipped: t('assistant.skipped'), networkError: t('assistant.error.network') },
  });
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const safety = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const limitReached = state.conversation.filter((m) => m.role === 'user').length >= ASSISTANT_TURNS_MAX;

  useEffect(() => end.current?.scrollIntoView({ block: 'nearest' }), [state.bubbles]);
  // Help for someone in danger comes first: it is shown and read out before the conversation goes on.
  useEffect(() => {
    if (state.danger) safety.current?.focus();
  }, [state.danger]);
  // A tapped quick reply disappears with the turn: keyboard users land in the message box, not at the page top.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !state.busy && document.activeElement === document.body)
      input.current?.focus({ preventScroll: true });
    wasBusy.current = state.busy;
  }, [state.busy]);

  const submit = (event?: Event) => {
    event?.preventDefault();
    if (!text.trim() || state.busy) return;
    void say(text.trim());
    setText('');
    input.current?.focus();
  };

  return (
    <section class="chat" aria-labelledby="chat-title">
      <h2 id="chat-title" class="visually-hidden">
        {t('assistant.conversation')}
      </h2>
      {/* The focused safety box below has the same numbers: one set is enough. */}
      {!state.danger && <EmergencyBar />}
      {state.danger && (
        <div class="chat-safety" ref={safety} tabIndex={-1} role="alert">
          <EmergencyBox />
          <CounsellingList />
        </div>
      )}
      {state.mode === 'scripted' && <p class="hint">{t('assistant.scripted_note')}</p>}
      <div role="log" aria-live="polite" aria-busy={state.busy ? 'true' : 'false'} aria-labelledby="chat-title">
        <ol class="chat-log">
          {state.bubbles.map((b) => (
            <li key={b.id} class={`bubble ${b.role}${b.interrupted ? ' interrupted' : ''}`}>
              <span class="visually-hidden">{b.role === 'user' ? t('assistant.you') : t('assistant.bot')}: </span>
              {/* Text, never HTML: whatever the model writes is shown as it is, markup included. */}
              {b.text}
            </li>
          ))}
        </ol>
      </div>
      <div ref={end} />
      {state.busy && !state.bubbles.at(-1)?.streaming && (
        <p class="typing" role="status">
          {t('assistant.typing')}
        </p>
      )}
      {state.busy && state.slow && state.mode === 'llm' && (
        <div class="still-working" role="status">
          <p>{t('assistant.still_working')}</p>
          <button type="button" class="button" onClick={() => void toScripted()}>
            {t('assistant.continue_scripted')}
          </button>
        </div>
      )}
      {state.error && <ChatError state={state} onRetry={retry} onScripted={toScripted} />}
      {!state.busy && state.question && !limitReached && (
        <QuickReplies key={state.question.topic} question={state.question} onChoose={choose} />
      )}
      {limitReached ? (
        <p class="notice">{t('assistant.limit_reached')}</p>
      ) : (
        <form class="composer" onSubmit={submit}>
          <label for="chat-input">{t('assistant.input_label')}</label>
          <p class="hint" id="chat-input-hint">
            {t('assistant.input_hint')}
          </p>
          <textarea
            id="chat-input"
            ref={input}
            rows={3}
            maxLength={ASSISTANT_MESSAGE_MAX}
            value={text}
            aria-describedby="chat-input-hint"
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
            }}
          />
          <div class="composer-actions">
            {state.question && (
              <button type="button" class="button" disabled={state.busy} onClick={() => void skip()}>
                {t('assistant.skip')}
              </button>
            )}
            <button type="submit" class="button primary" disabled={state.busy || !text.trim()}>
              {t('assistant.send')}
            </button>
          </div>
        </form>
      )}
      <HandOff state={state} evidence={evidence} />
      <DraftPanel draft={state.draft} />
    </section>
  );
}

/**
 * The emergency numbers, one tap away on every chat screen, whatever the danger check reads: safety does
 * not wait for detection.
 */
function EmergencyBar() {
  const { t, office } = usePage();
  return (
    <p class="emergency-bar">
      <span>{t('assistant.emergency_bar')}</span>{' '}
      {office.emergency.map((e) => (
        <a key={e.number} href={`tel:${e.number}`} class="call-inline">
          <span class="number" dir="ltr">
            {e.number}
          </span>{' '}
          {e.label}
        </a>
      ))}
    </p>
  );
}

function ChatError({ state, onRetry, onScripted }: { state: ChatState; onRetry: () => void; onScripted: () => void }) {
  const { t } = usePage();
  const code = state.error?.code ?? '';
  // The same request cannot succeed against a missing or busy model, a refusal, or a refused (4xx) request.
  const canRetry = !/unavailable|busy|refused|errors\./.test(code);
  return (
    <div class="chat-error" role="alert">
      <p>{state.error?.message}</p>
      <p class="actions">
        {canRetry && (
          <button type="button" class="button" onClick={onRetry}>
            {t('assistant.retry')}
          </button>
        )}
        {state.mode === 'llm' && (
          <button type="button" class="button" onClick={onScripted}>
            {t('assistant.continue_scripted')}
          </button>
        )}
      </p>
    </div>
  );
}

/**
 * The draft as the form's fields: "check my report" opens the review screen, "switch to the form" opens
 * the form filled with it. Both are plain posts, like the form's own.
 */
function HandOff({ state, evidence }: { state: ChatState; evidence?: EvidenceFieldState | undefined }) {
  const { t, href } = usePage();
  const values = formValuesFromDraft(state.draft);
  const ready = values.description.trim() !== '';
  return (
    <form
      method="post"
      action={href('/report/review')}
      class={`handoff${state.complete ? ' complete' : ''}`}
      // The chat's last question: a screenshot, letter or photo, chosen here and sent with the hand-off's post.
      enctype={evidence ? 'multipart/form-data' : undefined}
    >
      {evidence && state.complete && (
        <EvidenceField field={evidence} files={[]} refused={[]} remove={{ action: href('/report/edit') }} />
      )}
      {Object.entries(values).map(([name, value]) => (
        <Hidden key={name} name={name} value={value} />
      ))}
      {ready && (
        <button type="submit" class={`button${state.complete ? ' primary' : ''}`} disabled={state.busy}>
          {t('assistant.to_review')}
        </button>
      )}
      <button type="submit" class="button" formAction={href('/report/edit')} formNoValidate disabled={state.busy}>
        {t('assistant.to_form')}
      </button>
    </form>
  );
}
