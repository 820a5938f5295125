import { useState } from 'preact/hooks';
import type { AssistantQuestion } from '../../shared/assistant-events';
import { usePage } from '../components/page-context';

/**
 * The answers a question offers, as buttons: one tap for a single choice; toggles and a confirm button
 * where several may apply. Typing an answer instead always works too.
 */
export function QuickReplies({
  question,
  onChoose,
}: {
  question: AssistantQuestion;
  onChoose: (values: string[], labels: string) => void;
}) {
  const { t } = usePage();
  // What was noted for the person to confirm starts chosen; they remove what does not fit.
  const [picked, setPicked] = useState<string[]>(question.picked ?? []);
  if (question.kind === 'text' || question.options.length === 0) return null;
  const labelsOf = (values: string[]) =>
    question.options
      .filter((o) => values.includes(o.value))
      .map((o) => o.label)
      .join(', ');
  const legendId = `quick-${question.topic}`;
  return (
    <div class="quick-replies" role="group" aria-labelledby={legendId}>
      <p id={legendId} class="visually-hidden">
        {t(question.kind === 'multi' ? 'assistant.quick_replies_multi' : 'assistant.quick_replies')}
      </p>
      <ul>
        {question.options.map((o) => (
          <li key={o.value}>
            {question.kind === 'multi' ? (
              <button
                type="button"
                class="chip"
                aria-pressed={picked.includes(o.value) ? 'true' : 'false'}
                onClick={() =>
                  setPicked((p) => (p.includes(o.value) ? p.filter((v) => v !== o.value) : [...p, o.value]))
                }
              >
                {o.label}
              </button>
            ) : (
              <button type="button" class="chip" onClick={() => onChoose([o.value], o.label)}>
                {o.label}
              </button>
            )}
          </li>
        ))}
      </ul>
      {question.kind === 'multi' && (
        <button
          type="button"
          class="button primary"
          disabled={picked.length === 0}
          onClick={() => onChoose(picked, labelsOf(picked))}
        >
          {t('assistant.confirm_choice')}
        </button>
      )}
    </div>
  );
}
