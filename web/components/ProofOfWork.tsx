import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { usePage } from './page-context';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'altcha-widget': HTMLAttributes<HTMLElement> & {
        challenge: string;
        name: string;
        auto: 'off' | 'onfocus' | 'onload' | 'onsubmit';
        language: string;
        configuration: string;
      };
    }
  }
}

/** Sent on `document` when a widget is drawn in the browser after the page loaded. */
export const PROOF_WIDGET_DRAWN = 'proof-of-work:drawn';

export type ProofPurpose = 'report' | 'message';

/**
 * The proof of work beside a send button (ALTCHA, served from this origin): the browser solves a small
 * challenge of this server before the form is sent, which costs a person a few seconds once and someone who
 * sends thousands of reports those seconds thousands of times. For a report it starts when the page opens
 * (the person reads the review meanwhile), for a message when the person starts writing.
 *
 * Without JavaScript nothing of it runs: the form is sent without an answer, the server allows less and
 * marks a report as not verified. A failed check never blocks sending either.
 * The widget reads its words from here (the page's language); `web/components/proof-of-work/widget.ts` sets it up.
 */
export function ProofOfWork({ purpose }: { purpose: ProofPurpose }) {
  const { t, locale } = usePage();
  // Drawn in the browser (the review shown in the form's place), the widget asks client.tsx to set it up, as
  // a page rendered by the server has it set up at load. An event, not an import: this component is also
  // rendered by the server, and the Worker's bundle cannot hold the widget's browser-only worker script.
  useEffect(() => {
    document.dispatchEvent(new Event(PROOF_WIDGET_DRAWN));
  }, []);
  const strings = {
    label: t('pow.label'),
    verifying: t('pow.verifying'),
    verified: t('pow.verified'),
    waitAlert: t('pow.wait'),
    error: t('pow.error'),
    expired: t('pow.expired'),
    verificationRequired: t('pow.label'),
    loading: t('pow.verifying'),
    reload: t('pow.retry'),
    verify: t('pow.retry'),
  };
  const configuration = {
    hideFooter: true,
    hideLogo: true,
    // The widget can collect pointer and key events for a "human interaction signature": not here.
    humanInteractionSignature: false,
  };
  const widget: JSX.IntrinsicElements['altcha-widget'] = {
    challenge: `/api/challenge/${purpose}`,
    name: 'altcha',
    // Solving starts from widget.ts (on load or on focus); "onsubmit" keeps the widget from blocking a send
    // when the check fails, and solves at the last moment if it never started.
    auto: 'onsubmit',
    language: locale.toLowerCase(),
    configuration: JSON.stringify(configuration),
  };
  return (
    <div class="proof-of-work" data-start={purpose === 'report' ? 'load' : 'focus'}>
      <altcha-widget {...widget} data-strings={JSON.stringify(strings)} />
      <noscript>
        <p class="hint">{t('pow.no_script')}</p>
      </noscript>
    </div>
  );
}
