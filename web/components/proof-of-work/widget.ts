import 'altcha/external';
import 'altcha/altcha.css';
import { createProofWorker, PROOF_ALGORITHM } from './workers';

/**
 * Sets up the proof-of-work widgets of the page (see ../ProofOfWork.tsx): our words in the page's language,
 * our worker, and when to start solving. Loaded only by pages that have a widget; a widget drawn later (the
 * review shown in the form's place) calls `setUpProofWidgets` again, and each widget is set up once.
 */
interface AltchaWidget extends HTMLElement {
  verify?: () => Promise<unknown>;
  getState?: () => string;
}
interface AltchaGlobal {
  algorithms: Map<string, () => Worker>;
  i18n: { set(language: string, strings: Record<string, string>): void };
}
const altcha = (globalThis as unknown as { $altcha: AltchaGlobal }).$altcha;
altcha.algorithms.set(PROOF_ALGORITHM, createProofWorker);

setUpProofWidgets();

export function setUpProofWidgets(): void {
  for (const widget of document.querySelectorAll<AltchaWidget>('altcha-widget:not([data-set-up])')) setUp(widget);
}

function setUp(widget: AltchaWidget): void {
  widget.setAttribute('data-set-up', '');
  const language = widget.getAttribute('language') ?? 'de';
  altcha.i18n.set(language, JSON.parse(widget.dataset.strings ?? '{}'));
  const start = () => {
    if (widget.getState?.() === 'unverified') void widget.verify?.();
  };
  const begin = () => {
    // A challenge expires (after half an hour on the page): solve a fresh one rather than send without.
    widget.addEventListener('expired', () => setTimeout(start, 0));
    if (widget.closest<HTMLElement>('[data-start]')?.dataset.start === 'load') return start();
    widget.closest('form')?.addEventListener('focusin', start, { once: true });
  };
  holdSendWhileSolving(widget);
  if (typeof widget.verify === 'function') begin();
  else widget.addEventListener('load', begin, { once: true });
}

/**
 * A send pressed while the answer is still being computed waits for it and then goes by itself, instead of
 * the browser's "please wait" bubble. "Change" buttons (formnovalidate) go at once; they need no answer.
 */
function holdSendWhileSolving(widget: AltchaWidget) {
  const form = widget.closest('form');
  if (!form) return;
  form.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!button || button.type !== 'submit' || button.formNoValidate) return;
      if (widget.getState?.() !== 'verifying') return;
      event.preventDefault();
      const resume = () => {
        if (widget.getState?.() === 'verifying') return;
        widget.removeEventListener('statechange', resume);
        form.requestSubmit(button);
      };
      widget.addEventListener('statechange', resume);
    },
    { capture: true },
  );
}
