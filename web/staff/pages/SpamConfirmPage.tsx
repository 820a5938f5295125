import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { PostForm, formatDay } from '../components/forms';
import { FlagTag } from '../components/FlagTag';

export interface SpamConfirmProps {
  candidates: { id: number; received_on: string; flag: string | null; excerpt: string; seen: string }[];
  /** More were chosen than one decision takes (a large group): the rest stay for a next step. */
  more: boolean;
}

/**
 * The step before a bulk rejection: the reports it will reject, each with the start of its text, and one
 * button. The form carries each report as it was seen, so that what someone else changed meanwhile is
 * reported back instead of overwritten.
 */
export function SpamConfirmPage({ candidates, more }: SpamConfirmProps) {
  const { t } = useStaffPage();
  const count = candidates.length;
  return (
    <StaffLayout title={t('spam.title')}>
      <p>{t('spam.intro', { count })}</p>
      <ul class="spam-candidates">
        {candidates.map((r) => (
          <li key={r.id}>
            <a href={`/staff/reports/${r.id}`}>#{r.id}</a> · <span class="muted">{formatDay(r.received_on)}</span>{' '}
            <FlagTag flag={r.flag} />
            <br />
            <span class="excerpt">{r.excerpt || <span class="muted">{t('report.text_deleted')}</span>}</span>
          </li>
        ))}
      </ul>
      {more && <p class="hint">{t('spam.more')}</p>}
      <p class="hint">{t('spam.consequence')}</p>
      <PostForm action="/staff/reports/spam" class="actions">
        {candidates.map((r) => (
          <input key={r.id} type="hidden" name="reports" value={r.seen} />
        ))}
        <button type="submit" class="button danger">
          {t('spam.confirm', { count })}
        </button>{' '}
        <a class="button" href="/staff/inbox">
          {t('spam.cancel')}
        </a>
      </PostForm>
    </StaffLayout>
  );
}
