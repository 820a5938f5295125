import type { AuditEntry } from '../../../shared/staff-views';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { formatTime } from '../components/forms';

export interface AuditProps {
  entries: AuditEntry[];
  filter: { action?: string | undefined; actor?: number | undefined; report?: number | undefined };
  page: number;
  hasMore: boolean;
  /** The query string of the current filters without the page. */
  filterQuery: string;
}

/** Who did what, newest first. Details are ids and codes; the log holds no report text. */
export function AuditPage({ entries, filter, page, hasMore, filterQuery }: AuditProps) {
  const { t } = useStaffPage();
  const pageLink = (p: number) => `/staff/audit?${filterQuery ? `${filterQuery}&` : ''}page=${p}`;
  return (
    <StaffLayout title={t('audit.title')}>
      <form method="get" action="/staff/audit" class="card filters" aria-label={t('audit.filters')}>
        <div class="field">
          <label for="action">{t('audit.action')}</label>
          <input id="action" name="action" type="text" value={filter.action ?? ''} />
        </div>
        <div class="field">
          <label for="report">{t('audit.report')}</label>
          <input
            id="report"
            name="report"
            type="text"
            inputMode="numeric"
            value={filter.report ? String(filter.report) : ''}
          />
        </div>
        <div class="field">
          <label for="actor">{t('audit.actor_id')}</label>
          <input
            id="actor"
            name="actor"
            type="text"
            inputMode="numeric"
            value={filter.actor ? String(filter.actor) : ''}
          />
        </div>
        <p class="actions">
          <button type="submit" class="button primary">
            {t('inbox.apply')}
          </button>
        </p>
      </form>
      <table class="audit">
        <caption class="visually-hidden">{t('audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.report')}</th>
            <th scope="col">{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatTime(e.at)}</td>
              <td>{e.actor_name}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.report_id ? <a href={`/staff/reports/${e.report_id}`}>#{e.report_id}</a> : '–'}</td>
              <td>
                <code class="detail">{e.detail === '{}' ? '' : e.detail}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pagination" aria-label={t('inbox.pages')}>
        {page > 1 && <a href={pageLink(page - 1)}>← {t('inbox.previous')}</a>}
        <span>{t('audit.page', { page })}</span>
        {hasMore && <a href={pageLink(page + 1)}>{t('inbox.next')} →</a>}
      </nav>
    </StaffLayout>
  );
}
