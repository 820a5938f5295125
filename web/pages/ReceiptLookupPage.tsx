import { ErrorText } from '../components/fields';
import { Layout } from '../components/Layout';
import { usePage } from '../components/page-context';

export interface ReceiptLookupProps {
  error?: string;
}

export function ReceiptLookupPage({ error }: ReceiptLookupProps) {
  const { t, href } = usePage();
  return (
    <Layout title={t('receipt.title')}>
      <p class="lead">{t('receipt.lead')}</p>
      <form method="post" action={href('/receipt')} class="card">
        <div class="field">
          <label for="receipt">{t('receipt.code_label')}</label>
          <p class="hint" id="receipt-hint">
            {t('receipt.code_hint')}
          </p>
          <ErrorText id="receipt-error" errorKey={error} />
          <input
            type="text"
            id="receipt"
            name="receipt"
            class="code-input"
            dir="ltr"
            required
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={40}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'receipt-hint receipt-error' : 'receipt-hint'}
          />
        </div>
        <p class="actions">
          <button type="submit" class="button primary">
            {t('receipt.open')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
