import type { ReportView } from '../../../shared/case-views';
import { REDACTION_FIELDS, REDACTION_KINDS } from '../../../shared/staff';
import { REJECT_REASONS, STATUS_TRANSITIONS, type ReportStatus } from '../../../shared/taxonomy';
import { useStaffPage } from '../context';
import { Fact } from './Fact';
import { PostForm, formatDay } from './forms';
import { statusLabel } from './labels';

/** The right-hand column of a report: what a caseworker can do with it. */
export function CaseActions({
  view,
  staff,
  base,
}: {
  view: ReportView;
  staff: { id: number; display_name: string }[];
  base: string;
}) {
  const { t } = useStaffPage();
  const { report } = view;
  const final = report.status === 'closed' || report.status === 'rejected';
  return (
    <aside class="case-side" aria-label={t('report.actions')}>
      <section class="card" aria-labelledby="status-title">
        <h2 id="status-title">{t('report.status_title')}</h2>
        {final ? (
          <p>{t('report.final', { date: formatDay(report.closed_on) })}</p>
        ) : (
          <PostForm action={`${base}/status`}>
            <div class="field">
              <label for="status">{t('report.status_next')}</label>
              <select id="status" name="status" required>
                {STATUS_TRANSITIONS[report.status as ReportStatus].map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(t, s)}
                  </option>
                ))}
              </select>
            </div>
            {STATUS_TRANSITIONS[report.status as ReportStatus].includes('rejected') && (
              <div class="field">
                <label for="reason">{t('report.reject_reason')}</label>
                <select id="reason" name="reason">
                  <option value="">–</option>
                  {REJECT_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`reject_reason.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {view.contact && <p class="hint">{t('report.close_deletes_contact')}</p>}
            <button type="submit" class="button primary">
              {t('report.status_change')}
            </button>
          </PostForm>
        )}
      </section>

      <section class="card" aria-labelledby="assign-title">
        <h2 id="assign-title">{t('report.assign_title')}</h2>
        <PostForm action={`${base}/assignee`}>
          <div class="field">
            <label for="assigneeId">{t('report.assignee')}</label>
            <select id="assigneeId" name="assigneeId">
              <option value="">{t('inbox.assignee_none')}</option>
              {staff.map((s) => (
                <option key={s.id} value={String(s.id)} selected={s.id === report.assignee_id}>
                  {s.display_name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            {t('report.assign')}
          </button>
        </PostForm>
        <PostForm action={`${base}/urgent`} class="spaced">
          <input type="hidden" name="urgent" value={report.urgent ? '0' : '1'} />
          <button type="submit" class="button">
            {report.urgent ? t('report.unmark_urgent') : t('report.mark_urgent')}
          </button>
        </PostForm>
      </section>

      {view.contact && (
        <section class="card contact" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('report.contact_title')}</h2>
          <p class="hint">{t('report.contact_hint')}</p>
          {view.contact.details ? (
            <dl>
              {view.contact.details.email && (
                <Fact label={t('report.contact_email')}>{view.contact.details.email}</Fact>
              )}
              {view.contact.details.phone && (
                <Fact label={t('report.contact_phone')}>{view.contact.details.phone}</Fact>
              )}
              {view.contact.details.language && (
                <Fact label={t('report.contact_language')}>{view.contact.details.language}</Fact>
              )}
            </dl>
          ) : (
            <p class="field-error">{t('report.contact_unreadable')}</p>
          )}
        </section>
      )}

      <section class="card" aria-labelledby="links-title">
        <h2 id="links-title">{t('report.links_title')}</h2>
        {view.links.length > 0 && (
          <ul class="links">
            {view.links.map((l) => (
              <li key={l.id}>
                <a href={`/staff/reports/${l.id}`}>#{l.id}</a> ({statusLabel(t, l.status)}, {formatDay(l.received_on)})
                <PostForm action={`${base}/links/${l.id}/delete`} class="inline-form">
                  <button type="submit" class="link-button" aria-label={t('report.unlink_label', { id: l.id })}>
                    {t('report.unlink')}
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        )}
        <PostForm action={`${base}/links`}>
          <div class="field">
            <label for="relatedId">{t('report.link_label')}</label>
            <input id="relatedId" name="relatedId" type="text" inputMode="numeric" required pattern="[0-9]+" />
          </div>
          <button type="submit" class="button">
            {t('report.link_add')}
          </button>
        </PostForm>
      </section>

      {!report.text_deleted_on && (
        <section class="card" aria-labelledby="redact-title">
          <h2 id="redact-title">{t('report.redact_title')}</h2>
          <p class="hint">{t('report.redact_hint')}</p>
          <PostForm action={`${base}/redactions`}>
            <div class="field">
              <label for="field">{t('report.redact_field')}</label>
              <select id="field" name="field">
                {REDACTION_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {t(`redact_field.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="passage">{t('report.redact_passage')}</label>
              <input
                id="passage"
                name="passage"
                type="text"
                required
                minLength={2}
                maxLength={500}
                autocomplete="off"
              />
            </div>
            <div class="field">
              <label for="kind">{t('report.redact_kind')}</label>
              <select id="kind" name="kind">
                {REDACTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`redact_kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button danger">
              {t('report.redact_submit')}
            </button>
          </PostForm>
        </section>
      )}
    </aside>
  );
}
