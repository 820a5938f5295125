import type { ReceiptStatus } from '../../shared/report';
import { MESSAGE_MAX } from '../../shared/limits';
import { Checkbox, ErrorText, TextArea, type FieldErrors } from '../components/fields';
import { Layout } from '../components/Layout';
import { ProofOfWork } from '../components/ProofOfWork';
import { usePage } from '../components/page-context';
import type { MessageKey } from '../../shared/i18n/translate';

export interface ReceiptStatusProps {
  receipt: string;
  report: ReceiptStatus;
  errors: FieldErrors;
  notice?: 'added';
}

/** The report behind a code. Every action posts the code again: there is no session for reporters. */
export function ReceiptStatusPage({ receipt, report, errors, notice }: ReceiptStatusProps) {
  const { t, href } = usePage();
  const open = report.status !== 'closed' && report.status !== 'rejected';
  return (
    <Layout title={t('receipt.title')}>
      {notice === 'added' && (
        <p class="notice" role="status">
          {t('receipt.added')}
        </p>
      )}
      <section class="card">
        <h2>{t('receipt.status_label')}</h2>
        <p class="status">
          <strong>{t(`status.${report.status}` as MessageKey)}</strong>
        </p>
        <p>{t('receipt.received_on', { date: formatDay(report.receivedOn) })}</p>
      </section>
      <section class="card">
        <h2>{t('receipt.messages_title')}</h2>
        {report.messages.length === 0 ? (
          <p class="muted">{t('receipt.no_messages')}</p>
        ) : (
          <ol class="messages">
            {report.messages.map((m) => (
              <li key={m.id} class={`message from-${m.author}`}>
                <p class="meta">
                  {m.author === 'office' ? t('receipt.from_office') : t('receipt.from_you')} · {formatDay(m.sentOn)}
                  {m.author === 'office' && m.unread && <span class="tag accent">{t('receipt.new_badge')}</span>}
                  {m.author === 'reporter' && (
                    <span class="tag">{m.unread ? t('receipt.unread_by_office') : t('receipt.read_by_office')}</span>
                  )}
                </p>
                <p class="body">{m.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {open ? (
        <form method="post" action={href('/receipt/messages')} class="card">
          <h2>{t('receipt.add_title')}</h2>
          <input type="hidden" name="receipt" value={receipt} />
          <TextArea
            name="body"
            label={t('receipt.add_label')}
            hint={t('receipt.add_hint')}
            value=""
            error={errors.body}
            required
            maxLength={MESSAGE_MAX}
            rows={5}
          />
          <ProofOfWork purpose="message" />
          <p class="actions">
            <button type="submit" class="button primary">
              {t('receipt.add_send')}
            </button>
          </p>
        </form>
      ) : (
        <p class="card">{t('receipt.closed_note')}</p>
      )}
      <form method="post" action={href('/receipt/withdraw')} class="card danger-zone">
        <h2>{t('receipt.withdraw_title')}</h2>
        <p>{t('receipt.withdraw_text')}</p>
        <input type="hidden" name="receipt" value={receipt} />
        <ErrorText id="withdraw-error" errorKey={errors.confirm} />
        <Checkbox name="confirm" label={t('receipt.withdraw_confirm')} checked={false} required />
        <p class="actions">
          <button type="submit" class="button danger">
            {t('receipt.withdraw')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

function formatDay(iso: string): string {
  return iso.split('-').reverse().join('.');
}
