import {
  NOTICE_CHOICES,
  type NoticeChannelsView,
  type NoticeChoiceView,
  type NoticeKind,
  type QueuedNoticeView,
} from '../../../shared/notifications';
import type { StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { Flash, formatDay, formatTime, PostForm, TextInput } from '../components/forms';

export interface NotificationsProps {
  choice: NoticeChoiceView;
  channels: NoticeChannelsView;
  isAdmin: boolean;
  /** What waits and what failed: for admins only (null for everyone else). */
  queue: QueuedNoticeView[] | null;
  notice?: string | undefined;
  errors?: Record<string, string>;
}

const KIND_LABEL: Record<NoticeKind, StaffMessageKey> = {
  'report.received': 'notice.report_received.subject',
  'report.urgent': 'notice.report_urgent.subject',
  'reporter.message': 'notice.reporter_message.subject',
  'acknowledgement.due': 'notice.acknowledgement_due.subject',
  digest: 'notice.digest.subject',
  test: 'notice.test.subject',
  'reporter.reply': 'notice.reporter_reply.label',
};

/** One's own notifications, a test notice, and for admins the queue. Plain forms: works without a script. */
export function NotificationsPage({ choice, channels, isAdmin, queue, notice, errors = {} }: NotificationsProps) {
  const { t } = useStaffPage();
  return (
    <StaffLayout title={t('notifications.title')}>
      <Flash notice={notice} error={errors._} />
      {!channels.sending && (
        <p class="notice warn" role="status">
          {t('notifications.not_sending')}
        </p>
      )}
      <p>{t('notifications.intro')}</p>
      <div class="columns">
        <section class="card" aria-labelledby="choice-title">
          <h2 id="choice-title">{t('notifications.choice_title')}</h2>
          <PostForm action="/staff/notifications">
            <fieldset class="choices">
              <legend>{t('notifications.mode')}</legend>
              {NOTICE_CHOICES.map((mode) => (
                <div class="choice" key={mode}>
                  <input type="radio" id={`mode-${mode}`} name="mode" value={mode} checked={choice.mode === mode} />
                  <label for={`mode-${mode}`}>{t(`notifications.mode_${mode}`)}</label>
                </div>
              ))}
            </fieldset>
            <TextInput
              name="email"
              type="email"
              label={t('notifications.email')}
              hint={t('notifications.email_hint')}
              value={choice.email ?? ''}
              autocomplete="email"
              error={errors.email}
            />
            <p class="actions">
              <button type="submit" class="button primary">
                {t('notifications.save')}
              </button>
            </p>
          </PostForm>
        </section>
        <section class="card" aria-labelledby="test-title">
          <h2 id="test-title">{t('notifications.test_title')}</h2>
          <p>{t('notifications.test_hint')}</p>
          <div class="actions">
            <TestButton to="me" label={t('notifications.test_me')} />
            {isAdmin && channels.officeMailbox && <TestButton to="office" label={t('notifications.test_office')} />}
            {isAdmin && channels.webhook && <TestButton to="webhook" label={t('notifications.test_webhook')} />}
          </div>
        </section>
      </div>
      {queue && <QueueTable queue={queue} />}
    </StaffLayout>
  );
}

function TestButton({ to, label }: { to: 'me' | 'office' | 'webhook'; label: string }) {
  return (
    <PostForm action="/staff/notifications/test" class="inline-form">
      <input type="hidden" name="to" value={to} />
      <button type="submit" class="button">
        {label}
      </button>
    </PostForm>
  );
}

/** What the admins see: kinds and recipients, attempts and reasons. A notice carries no content to show. */
function QueueTable({ queue }: { queue: QueuedNoticeView[] }) {
  const { t } = useStaffPage();
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('notifications.queue_title')}</h2>
      <p class="hint">{t('notifications.queue_hint')}</p>
      {queue.length === 0 ? (
        <p>{t('notifications.queue_empty')}</p>
      ) : (
        <table class="audit notice-queue">
          <caption class="visually-hidden">{t('notifications.queue_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notifications.queue_kind')}</th>
              <th scope="col">{t('notifications.queue_recipient')}</th>
              <th scope="col">{t('notifications.queue_state')}</th>
              <th scope="col">{t('notifications.queue_attempts')}</th>
              <th scope="col">{t('notifications.queue_error')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((row, i) => (
              <tr key={i}>
                <td>{t(KIND_LABEL[row.kind])}</td>
                <td>
                  {row.recipient === 'office'
                    ? t('notifications.recipient_office')
                    : row.recipient === 'webhook'
                      ? t('notifications.recipient_webhook')
                      : row.recipient === 'reporter'
                        ? t('notifications.recipient_reporter')
                        : row.recipient.staff}
                </td>
                <td>
                  {row.failedOn
                    ? t('notifications.state_failed', { day: formatDay(row.failedOn) })
                    : row.nextAttemptAt
                      ? t('notifications.state_retry', { time: formatTime(row.nextAttemptAt) })
                      : t('notifications.state_waiting')}
                </td>
                <td>{row.attempts}</td>
                <td>{row.lastError ? <code>{row.lastError}</code> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
