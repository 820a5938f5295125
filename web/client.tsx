import { hydrate, type ComponentType } from 'preact';
import { PageContext, pageContextValue, type PageBase } from './components/page-context';
import './styles.css';
import './components/proof-of-work/proof-of-work.css';

/** Pages that hydrate, loaded on demand so that each page pays only for its own code. */
const loaders: Record<string, () => Promise<ComponentType<any>>> = {
  report: () => import('./pages/ReportFormPage').then((m) => m.ReportFormPage),
  sent: () => import('./pages/SentPage').then((m) => m.SentPage),
  assistant: () => import('./pages/AssistantPage').then((m) => m.AssistantPage),
};

installQuickExit();
installSubmitOnce();
void hydratePage();
// The proof-of-work widget (beside a send button) brings its own script, only where there is one.
if (document.querySelector('altcha-widget')) void import('./components/proof-of-work/widget');

async function hydratePage() {
  const data = document.getElementById('page-data');
  const root = document.getElementById('app');
  if (!data?.textContent || !root) return;
  const { page, base, props } = JSON.parse(data.textContent) as { page: string; base: PageBase; props: object };
  // The assistant's turns carry a proof of work, solved in the background (see components/proof-of-work).
  if (page === 'assistant') void import('./components/proof-of-work/conversation-solver');
  const load = loaders[page];
  if (!load) return;
  const Page = await load();
  hydrate(
    <PageContext.Provider value={pageContextValue(base)}>
      <Page {...props} />
    </PageContext.Provider>,
    root,
  );
}

/**
 * Leaving must be instant and leave no trace in "back": replace this history entry, then go.
 * Escape pressed twice within a second does the same for people who cannot reach the button in time.
 */
function installQuickExit() {
  const leave = (url: string) => {
    document.body.hidden = true;
    window.location.replace(url);
  };
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-quick-exit]') as HTMLAnchorElement | null;
    if (!link) return;
    event.preventDefault();
    leave(link.href);
  });
  let lastEscape = 0;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const now = Date.now();
    if (now - lastEscape < 1000) {
      const link = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
      if (link) leave(link.href);
    }
    lastEscape = now;
  });
}

/** A send button marked data-once cannot send twice: a double tap on a slow network makes no second report. */
function installSubmitOnce() {
  document.addEventListener('submit', (event) => {
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    // A send held back (by the proof of work, to finish first) is not sent yet.
    if (event.defaultPrevented || !submitter?.hasAttribute('data-once')) return;
    setTimeout(() => (submitter.disabled = true), 0);
  });
}
