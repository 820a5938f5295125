import { hydrate, type ComponentType } from 'preact';
import { PageContext, pageContextValue, type PageBase } from './components/page-context';
import { PROOF_WIDGET_DRAWN } from './components/ProofOfWork';
import { forgetSentReport } from './draft';
import { guardAfterQuickExit, installQuickExit } from './quick-exit';
import './styles.css';
import './components/proof-of-work/proof-of-work.css';

interface HydratedPage {
  Page: ComponentType<any>;
  /** Reads what only the browser knows (typed text, this tab's draft, the URL) into the props before hydrating. */
  prepare?: (props: any) => object;
}

/** Pages that hydrate, loaded on demand so that each page pays only for its own code. */
const loaders: Record<string, () => Promise<HydratedPage>> = {
  report: () =>
    import('./pages/ReportFormPage').then((m) => ({ Page: m.ReportFormPage, prepare: m.prepareReportForm })),
  review: () => import('./pages/ReviewPage').then((m) => ({ Page: m.ReviewPage, prepare: m.prepareReview })),
  sent: () => import('./pages/SentPage').then((m) => ({ Page: m.SentPage, prepare: m.prepareSent })),
  assistant: () => import('./pages/AssistantPage').then((m) => ({ Page: m.AssistantPage })),
};

guardAfterQuickExit();
installQuickExit();
installSubmitOnce();
void hydratePage().finally(settleHistory);
// The proof-of-work widget (beside a send button) brings its own script, only where there is one, at load or
// when a review drawn later in the page shows one (components/ProofOfWork.tsx).
const setUpProofWidgets = () =>
  void import('./components/proof-of-work/widget').then((widget) => widget.setUpProofWidgets());
if (document.querySelector('altcha-widget')) setUpProofWidgets();
document.addEventListener(PROOF_WIDGET_DRAWN, setUpProofWidgets);

async function hydratePage() {
  const data = document.getElementById('page-data');
  const root = document.getElementById('app');
  if (!data?.textContent || !root) return;
  const { page, base, props } = JSON.parse(data.textContent) as { page: string; base: PageBase; props: object };
  // The assistant's turns and the report's files carry a proof of work, solved in the background (see
  // components/proof-of-work/background.ts).
  if (page === 'assistant' || page === 'report')
    void import('./components/proof-of-work/background-solvers').then((solvers) =>
      solvers.attachSolvers({ conversation: page === 'assistant' }),
    );
  const load = loaders[page];
  if (!load) return;
  const { Page, prepare } = await load();
  const context = pageContextValue(base);
  const prepared = prepare ? prepare(props) : props;
  hydrate(
    <PageContext.Provider value={context}>
      <Page {...prepared} />
    </PageContext.Provider>,
    root,
  );
}

/**
 * A page that answers a post (the receipt, a receipt's status) says which address stands for it. Once it is
 * shown, that address replaces the post in this tab's history: a reload or Back and Forward then fetch that
 * page instead of asking to send the form again. Pages that keep a draft (the form, the review) do this
 * themselves, once the draft is safe in this tab. A page that follows a sent report forgets the draft.
 */
function settleHistory() {
  const { historyUrl, forgetDraft } = document.body.dataset;
  if (forgetDraft !== undefined) forgetSentReport();
  if (historyUrl) history.replaceState(null, '', historyUrl.includes('#') ? historyUrl : historyUrl + location.hash);
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
