import { INBOX_PAGE_SIZE, type InboxRow, type InboxView } from '../../../shared/case-views';
import { languageLabel, LOCALES } from '../../../shared/locales';
import { INBOX_FLAG_FILTERS, type InboxQuery } from '../../../shared/staff';
import { GROUNDS, INCIDENT_FORMS, LIFE_DOMAINS, RACISM_FORMS, REPORT_STATUSES } from '../../../shared/taxonomy';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { FlagTag } from '../components/FlagTag';
import { Flash, formatDay } from '../components/forms';
import { codeLabel, placeName, placeOptions, statusLabel, type Place } from '../components/labels';

export interface InboxProps extends InboxView {
  query: InboxQuery;
  /** The query string of the current filters without the page, for links that keep them. */
  filterQuery: string;
  places: Place[];
  staff: { id: number; display_name: string }[];
  errors?: Record<string, string>;
  notice?: string | undefined;
  /** After a refused bulk rejection: the reports someone else changed meanwhile. */
  changed?: number[];
}

/** The statuses from which a report can still be rejected as spam (shared/taxonomy.ts STATUS_TRANSITIONS). */
const REJECTABLE = new Set(['new', 'in_review', 'in_progress']);

/** Newest first; filters are a GET form, so a filtered view is a link and "back" works. */
export function InboxPage(props: InboxProps) {
  const { t, locale } = useStaffPage();
  const { query, rows, groups, counts, total, capped, page, pages, filterQuery, staff, places } = props;
  const { errors = {}, notice, changed = [] } = props;
  const withParams = (extra: Record<string, string>) => {
    const params = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra)) v ? params.set(k, v) : params.delete(k);
    const s = params.toString();
    return s ? `?${s}` : '';
  };
  const allCount = Object.values(counts).reduce((a, b) => a + b, 0);
  /** Without a split by status (a capped count, a search narrowed by status) the tabs name the statuses only. */
  const split = Object.keys(counts).length > 0 || (!capped && total === 0);
  const tabCount = (n: number) => (split ? <span class="count">{n}</span> : null);
  // A group of nearly identical texts is one row: its newest report on this page stands for it.
  const seenGroups = new Set<number>();
  const shown = rows.flatMap((row) => {
    const groupSize = (row.text_group && groups[row.text_group]) || 1;
    if (groupSize > 1) {
      if (seenGroups.has(row.text_group!)) return [];
      seenGroups.add(row.text_group!);
    }
    return [{ row, groupSize }];
  });
  const assigneeName = (id: number | null) => staff.find((s) => s.id === id)?.display_name ?? '–';

  return (
    <StaffLayout title={t('inbox.title')}>
      <Flash notice={notice} error={Object.values(errors)[0]} />
      {changed.length > 0 && (
        <p class="error-summary">
          {t('inbox.changed_reports')}{' '}
          {changed.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <a href={`/staff/reports/${id}`}>#{id}</a>
            </span>
          ))}
        </p>
      )}
      <nav class="status-tabs" aria-label={t('inbox.by_status')}>
        <ul>
          <li>
            <a
              href={`/staff/inbox${withParams({ status: '', page: '' })}`}
              aria-current={!query.status ? 'page' : undefined}
            >
              {t('inbox.all')} {tabCount(allCount)}
            </a>
          </li>
          {REPORT_STATUSES.map((s) => (
            <li key={s}>
              <a
                href={`/staff/inbox${withParams({ status: s, page: '' })}`}
                aria-current={query.status === s ? 'page' : undefined}
              >
                {statusLabel(t, s)} {tabCount(counts[s] ?? 0)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/staff/inbox" class="card filters" role="search" aria-label={t('inbox.filters')}>
        {query.status && <input type="hidden" name="status" value={query.status} />}
        {query.group && (
          <p class="field">
            <input type="hidden" name="group" value={String(query.group)} />
            {t('inbox.group_only', { id: query.group })} ·{' '}
            <a href={`/staff/inbox${withParams({ group: '', page: '' })}`}>{t('inbox.reset')}</a>
          </p>
        )}
        <div class="field search-field">
          <label for="q">{t('inbox.search')}</label>
          <input id="q" name="q" type="search" value={query.q ?? ''} maxLength={200} />
        </div>
        <Select
          name="ground"
          label={t('inbox.ground')}
          value={query.ground}
          options={GROUNDS.map((c) => [c, codeLabel(t, 'ground', c)])}
        />
        <Select
          name="racismForm"
          label={t('inbox.racism_form')}
          value={query.racismForm}
          options={RACISM_FORMS.map((c) => [c, codeLabel(t, 'racism_form', c)])}
        />
        <Select
          name="lifeDomain"
          label={t('inbox.life_domain')}
          value={query.lifeDomain}
          options={LIFE_DOMAINS.map((c) => [c, codeLabel(t, 'life_domain', c)])}
        />
        <Select
          name="incidentForm"
          label={t('inbox.incident_form')}
          value={query.incidentForm}
          options={INCIDENT_FORMS.map((c) => [c, codeLabel(t, 'incident_form', c)])}
        />
        <Select
          name="municipality"
          label={t('inbox.place')}
          value={query.municipality}
          options={[...placeOptions(t, places), ['online', t('place.online')]]}
        />
        <Select
          name="language"
          label={t('inbox.language')}
          value={query.language}
          options={LOCALES.map((l) => [l, languageLabel(l)])}
        />
        <Select
          name="assignee"
          label={t('inbox.assignee')}
          value={query.assignee === undefined ? undefined : String(query.assignee)}
          options={[
            ['me', t('inbox.assignee_me')],
            ['none', t('inbox.assignee_none')],
            ...staff.map((s): [string, string] => [String(s.id), s.display_name]),
          ]}
        />
        <Select
          name="flag"
          label={t('inbox.flag')}
          value={query.flag}
          options={INBOX_FLAG_FILTERS.map((f) => [f, t(`inbox.flag_${f}`)])}
        />
        <div class="field">
          <label for="from">{t('inbox.from')}</label>
          <input id="from" name="from" type="date" value={query.from ?? ''} />
        </div>
        <div class="field">
          <label for="to">{t('inbox.to')}</label>
          <input id="to" name="to" type="date" value={query.to ?? ''} />
        </div>
        <fieldset class="flags">
          <legend>{t('inbox.only')}</legend>
          <Flag name="urgent" label={t('inbox.urgent')} checked={query.urgent} />
          <Flag name="contact" label={t('inbox.wants_contact')} checked={query.contact} />
          <Flag name="overdue" label={t('inbox.overdue')} checked={query.overdue} />
          <Flag name="unread" label={t('inbox.unread')} checked={query.unread} />
          <Flag name="evidence" label={t('inbox.with_evidence')} checked={query.evidence} />
        </fieldset>
        <p class="actions">
          <button type="submit" class="button primary">
            {t('inbox.apply')}
          </button>
          <a class="button" href={query.status ? `/staff/inbox?status=${query.status}` : '/staff/inbox'}>
            {t('inbox.reset')}
          </a>
        </p>
      </form>

      <div class="inbox-summary">
        <p role="status">
          {capped
            ? t('inbox.found_more', { number: total.toLocaleString(locale) })
            : t('inbox.found', { count: total })}
        </p>
        <p class="exports">
          <a href={`/staff/inbox.csv${withParams({ page: '' })}`}>{t('inbox.export')}</a>
          {' · '}
          <a href={`/staff/inbox.csv${withParams({ page: '', text: '1' })}`}>{t('inbox.export_text')}</a>
        </p>
      </div>

      {rows.length === 0 ? (
        <p class="card muted">{t('inbox.empty')}</p>
      ) : (
        // The checkboxes choose reports to reject as spam; the confirmation page comes first (a GET: no change).
        <form method="get" action="/staff/inbox/spam" aria-label={t('inbox.reject_spam')}>
          <table class="inbox">
            <caption class="visually-hidden">{t('inbox.table_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t('inbox.col_select')}</span>
                </th>
                <th scope="col">{t('inbox.col_report')}</th>
                <th scope="col">{t('inbox.col_status')}</th>
                <th scope="col">{t('inbox.col_place')}</th>
                <th scope="col">{t('inbox.col_codes')}</th>
                <th scope="col">{t('inbox.col_text')}</th>
                <th scope="col">{t('inbox.col_assignee')}</th>
                <th scope="col">{t('inbox.col_due')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ row: r, groupSize }) => (
                <tr key={r.id} class={r.urgent ? 'urgent' : undefined}>
                  <td>{REJECTABLE.has(r.status) && <Choose row={r} groupSize={groupSize} />}</td>
                  <td>
                    <a href={`/staff/reports/${r.id}`}>#{r.id}</a>
                    <br />
                    <span class="muted">{formatDay(r.received_on)}</span>
                  </td>
                  <td>
                    {statusLabel(t, r.status)}
                    <Badges row={r} />
                  </td>
                  <td>
                    {placeName(t, places, r.municipality, r.online)}
                    {r.locale !== 'de' && (
                      <>
                        <br />
                        <span class="muted">{languageLabel(r.locale)}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {r.codes
                      .filter((c) => c.dimension === 'ground' || c.dimension === 'life_domain')
                      .map((c) => codeLabel(t, c.dimension, c.code))
                      .join(', ') || '–'}
                    {r.coded_on && <span class="tag">{t('inbox.coded')}</span>}
                  </td>
                  <td class="excerpt">
                    {r.excerpt || <span class="muted">{t('report.text_deleted')}</span>}
                    {groupSize > 1 && (
                      <span class="near-duplicates">
                        {t('inbox.near_duplicates', { count: groupSize })} ·{' '}
                        <a href={`/staff/inbox${withParams({ group: String(r.text_group), page: '' })}`}>
                          {t('inbox.show_group')}
                        </a>
                      </span>
                    )}
                  </td>
                  <td>{assigneeName(r.assignee_id)}</td>
                  <td class={r.overdue ? 'overdue' : undefined}>
                    {r.acknowledged_on ? t('inbox.acknowledged') : formatDay(r.ackDue)}
                    {r.overdue && <span class="tag danger">{t('inbox.overdue_tag')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.some(({ row }) => REJECTABLE.has(row.status)) && (
            <p class="bulk-actions">
              <button type="submit" class="button">
                {t('inbox.reject_spam')}
              </button>
            </p>
          )}
        </form>
      )}
      {(pages > 1 || capped) && (
        <nav class="pagination" aria-label={t('inbox.pages')}>
          {page > 1 && (
            <a href={`/staff/inbox${withParams({ page: String(page - 1) })}`} rel="prev">
              ← {t('inbox.previous')}
            </a>
          )}
          <span>{capped ? t('inbox.page', { page }) : t('inbox.page_of', { page, pages })}</span>
          {(page < pages || (capped && rows.length === INBOX_PAGE_SIZE)) && (
            <a href={`/staff/inbox${withParams({ page: String(page + 1) })}`} rel="next">
              {t('inbox.next')} →
            </a>
          )}
        </nav>
      )}
    </StaffLayout>
  );
}

/** A report's checkbox, or for a group of nearly identical texts one checkbox for all of them. */
function Choose({ row, groupSize }: { row: InboxRow; groupSize: number }) {
  const { t } = useStaffPage();
  const id = `choose-${row.id}`;
  return (
    <>
      {groupSize > 1 ? (
        <input type="checkbox" id={id} name="group" value={String(row.text_group)} />
      ) : (
        <input type="checkbox" id={id} name="reports" value={`${row.id}@${row.updated_at}`} />
      )}
      <label for={id} class="visually-hidden">
        {groupSize > 1
          ? t('inbox.select_group', { count: groupSize, id: row.id })
          : t('inbox.select_report', { id: row.id })}
      </label>
    </>
  );
}

function Badges({ row }: { row: InboxRow }) {
  const { t } = useStaffPage();
  return (
    <>
      <FlagTag flag={row.flag} />
      {row.urgent ? <span class="tag danger">{t('inbox.urgent_tag')}</span> : null}
      {row.support_wanted ? <span class="tag">{t('inbox.contact_tag')}</span> : null}
      {row.unread ? <span class="tag accent">{t('inbox.unread_tag', { count: row.unread })}</span> : null}
      {row.evidence ? <span class="tag">{t('inbox.evidence_tag', { count: row.evidence })}</span> : null}
    </>
  );
}

function Select(props: { name: string; label: string; value: string | undefined; options: [string, string][] }) {
  const { t } = useStaffPage();
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      <select id={props.name} name={props.name}>
        <option value="">{t('inbox.any')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={props.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Flag({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="choice single">
      <input type="checkbox" id={`f-${name}`} name={name} value="1" checked={checked} />
      <label for={`f-${name}`}>{label}</label>
    </div>
  );
}
