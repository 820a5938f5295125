import type { ReceiptStatus } from '../../shared/report';
import { MESSAGE_MAX } from '../../shared/limits';
import { Checkbox, ErrorText, TextArea, type FieldErrors } from '../components/fields';
import { Layout } from '../components/Layout';
import { ListOf } from '../components/ListOf';
import { MessageText } from '../components/MessageText';
import { ProofOfWork } from '../components/ProofOfWork';
import { usePage, type PageContextValue } from '../components/page-context';
import { placeLabel } from '../components/report-labels';
import type { MessageKey } from '../../shared/i18n/translate';
import { EVIDENCE_TOKEN_FIELD, type EvidenceField as EvidenceFieldState } from '../../shared/evidence';
import { EvidenceField } from '../components/Evidence';

export interface ReceiptStatusProps {
  receipt: string;
  report: ReceiptStatus;
  errors: FieldErrors;
  /** The message form's one-time token. */
  messageToken: string;
  /** A message that could not be stored, offered again in the field. */
  draft?: string;
  /** `check_files`: files were just chosen and cleaned; they go with the next press of "Send". */
  notice?: 'added' | 'already_sent' | 'check_files';
  /** Files added later, also in answer to the team: absent when the office takes none. */
  evidence?: EvidenceFieldState;
}

/** The report behind a code. Every action posts the code again: there is no session for reporters. */
export function ReceiptStatusPage({
  receipt,
  report,
  errors,
  messageToken,
  draft,
  notice,
  evidence,
}: ReceiptStatusProps) {
  const page = usePage();
  const { t, href } = page;
  const open = report.status !== 'closed' && report.status !== 'rejected';
  const upload = evidence?.upload ?? null;
  return (
    <Layout title={t('receipt.title')}>
      {notice === 'added' && (
        <p class="notice" role="status">
          {t('receipt.added')}
        </p>
      )}
      {notice === 'already_sent' && (
        <p class="notice" role="status">
          {t('receipt.already_sent')}
        </p>
      )}
      <section class="card">
        <h2>{t('receipt.status_label')}</h2>
        <p class="status">
          <strong>{t(`status.${report.status}` as MessageKey)}</strong>
        </p>
        <p>{t('receipt.received_on', { date: formatDay(report.receivedOn) })}</p>
        {report.evidenceFiles > 0 && <p>{t('receipt.evidence_count', { count: report.evidenceFiles })}</p>}
        <YourAnswers answers={report.yourAnswers} page={page} />
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
                <MessageText message={m} />
              </li>
            ))}
          </ol>
        )}
      </section>
      {open ? (
        <form
          method="post"
          action={href('/receipt/messages')}
          class="card"
          id="receipt-message"
          enctype={evidence ? 'multipart/form-data' : undefined}
        >
          <h2>{t('receipt.add_title')}</h2>
          {notice === 'check_files' && (
            <p class="notice" role="status">
              {t('receipt.check_files')}
            </p>
          )}
          <input type="hidden" name="receipt" value={receipt} />
          <input type="hidden" name="messageToken" value={messageToken} />
          {upload && <input type="hidden" name={EVIDENCE_TOKEN_FIELD} value={upload.token} />}
          <TextArea
            name="body"
            label={t('receipt.add_label')}
            hint={t(evidence ? 'receipt.add_hint_files' : 'receipt.add_hint')}
            value={draft ?? ''}
            error={errors.body}
            // With files, a text is not needed: files alone can answer the team.
            required={!evidence}
            maxLength={MESSAGE_MAX}
            rows={5}
          />
          {evidence && (
            <EvidenceField
              field={evidence}
              files={upload?.files ?? []}
              refused={upload?.refused ?? []}
              remove={{ action: href('/receipt/messages') }}
            />
          )}
          <ProofOfWork purpose="message" />
          <p class="actions send-actions">
            <button type="submit" class="button primary" data-once>
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

/**
 * Which report the code opens, in the reporter's own answers: what happened, when and where. Nothing the
 * code holder did not say themselves: not the text, not the office's coding or notes.
 */
function YourAnswers({ answers, page }: { answers: ReceiptStatus['yourAnswers']; page: PageContextValue }) {
  const { t } = page;
  const when = whenLabel(answers, t);
  const places = [
    answers.municipality && placeLabel(page, answers.municipality),
    answers.online && t('place.online'),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const rows: [MessageKey, preact.ComponentChildren][] = [
    [
      'review.incident_forms',
      answers.incidentForms.length ? (
        <ListOf items={answers.incidentForms.map((f) => t(`incident_form.${f}` as MessageKey))} />
      ) : null,
    ],
    ['review.when', when],
    ['review.place', places.length ? <ListOf items={places} /> : null],
  ];
  const given = rows.filter(([, value]) => value);
  if (given.length === 0) return null;
  return (
    <>
      <h3 class="your-answers-title">{t('receipt.your_answers')}</h3>
      <dl class="summary">
        {given.map(([key, value]) => (
          <div class="summary-row" key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function whenLabel(answers: ReceiptStatus['yourAnswers'], t: PageContextValue['t']): string | null {
  const w = answers.when;
  let text: string | null = null;
  if (w.precision === 'day') text = formatDay(w.date);
  else if (w.precision === 'month') text = `${t(`month.${w.month}` as MessageKey)} ${w.year}`;
  else if (w.precision === 'year') text = String(w.year);
  if (answers.ongoing) text = text ? `${text} (${t('review.ongoing')})` : t('review.ongoing');
  return text;
}

function formatDay(iso: string): string {
  return iso.split('-').reverse().join('.');
}
