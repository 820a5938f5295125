import { useEffect, useState } from 'preact/hooks';
import { Layout } from '../components/Layout';
import { usePage } from '../components/page-context';
import { checkedInPage } from '../in-page';

export interface SentProps {
  receipt: string;
  /** The address where the code is used, on screen and on paper. */
  receiptUrl: string;
  /** Set in the browser: "I saved it" was ticked before the script arrived. */
  savedBefore?: boolean;
}

export function prepareSent(props: SentProps): SentProps {
  return { ...props, savedBefore: checkedInPage('saved') };
}

/**
 * The only moment the receipt code exists in readable form. Copy and print need JavaScript and appear only
 * with it; "I saved it" works as a plain required checkbox either way. A reload or Back and Forward do not
 * bring it back (the page's address becomes /report/sent, which says so): the code is saved now or never.
 */
export function SentPage({ receipt, receiptUrl, savedBefore }: SentProps) {
  const { t, href } = usePage();
  const [enhanced, setEnhanced] = useState(false);
  const [copied, setCopied] = useState(false);
  const [saved, setSaved] = useState(savedBefore ?? false);
  useEffect(() => setEnhanced(true), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (e.g. without a secure context): select the code for a manual copy.
      const el = document.getElementById('receipt-code');
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  };

  return (
    <Layout title={t('sent.title')}>
      <p class="lead">{t('sent.lead')}</p>
      <section class="card receipt-card" aria-labelledby="receipt-label">
        <h2 id="receipt-label">{t('sent.code_label')}</h2>
        <p class="receipt-code" id="receipt-code" dir="ltr" {...({ translate: 'no' } as object)}>
          {receipt.split('-').map((group, i, all) => (
            <span class="group" key={i}>
              {group}
              {i < all.length - 1 ? '-' : ''}
            </span>
          ))}
        </p>
        <p class="receipt-where">
          {t('sent.use_at')}{' '}
          <span class="receipt-url" dir="ltr">
            {receiptUrl}
          </span>
        </p>
        <p class="warning">{t('sent.warning')}</p>
        {enhanced ? (
          <>
            <p class="actions no-print">
              <button type="button" class="button" onClick={copy}>
                {copied ? t('sent.copied') : t('sent.copy')}
              </button>
              <button type="button" class="button" onClick={() => window.print()}>
                {t('sent.print')}
              </button>
            </p>
            <p class="hint no-print">{t('sent.save_advice')}</p>
          </>
        ) : (
          <p class="hint">{t('sent.print_hint')}</p>
        )}
        <p class="visually-hidden" aria-live="polite">
          {copied ? t('sent.copied') : ''}
        </p>
      </section>
      <form method="get" action={href('/')} class="card no-print">
        <p>{t('sent.next')}</p>
        <div class="choice single">
          <input
            type="checkbox"
            id="saved"
            name="saved"
            required
            checked={saved}
            onChange={(e) => setSaved((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for="saved">{t('sent.saved_label')}</label>
        </div>
        <p class="actions">
          <button type="submit" class="button primary" disabled={enhanced && !saved}>
            {t('sent.done')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
