import type { ReportContact } from '../../../shared/report';
import { REDACTION_KINDS, REDACTION_FIELDS } from '../../../shared/staff';
import {
  CODED_DIMENSIONS,
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  RACISM_FORMS,
  REJECT_REASONS,
  REPORTER_ROLES,
  STATUS_TRANSITIONS,
  type ReportStatus,
} from '../../../shared/taxonomy';
import type { StaffMessageKey } from '../../i18n/staff/catalog';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { Flash, PostForm, formatDay, formatTime } from '../components/forms';
import { codeLabel, placeName, statusLabel, type Place } from '../components/labels';

export interface ReportView {
  report: {
    id: number;
    status: string;
    channel: string;
    locale: string;
    description: string;
    consequences: string;
    municipality: string | null;
    online: number;
    when_precision: string;
    when_value: string | null;
    ongoing: number;
    witnesses: string | null;
    support_wanted: number;
    received_on: string;
    assignee_id: number | null;
    urgent: number;
    acknowledged_on: string | null;
    closed_on: string | null;
    reject_reason: string | null;
    coded_on: string | null;
    text_deleted_on: string | null;
  };
  ackDue: string;
  codes: { coder: 'reporter' | 'caseworker'; dimension: string; code: string }[];
  messages: { id: number; author: 'reporter' | 'office'; body: string; sent_on: string; read_at: string | null }[];
  notes: { id: number; body: string; created_at: string; author: string | null }[];
  links: { id: number; status: string; received_on: string }[];
  translations: { field: string; locale: string; body: string; machine: number }[];
  contact: { storedOn: string; details: ReportContact | null } | null;
}

export interface ReportPageProps {
  view: ReportView;
  staff: { id: number; display_name: string }[];
  places: Place[];
  notice?: string | undefined;
  error?: string | undefined;
}

/** Everything about one report on one screen: reading on the left, acting on the right. */
export function ReportPage({ view, staff, places, notice, error }: ReportPageProps) {
  const { t } = useStaffPage();
  const { report } = view;
  const base = `/staff/reports/${report.id}`;
  const final = report.status === 'closed' || report.status === 'rejected';
  const translation = (field: string) => view.translations.find((x) => x.field === field && x.locale === 'de');

  return (
    <StaffLayout title={t('report.title', { id: report.id })}>
      <Flash notice={notice} error={error} />
      <p>
        <a href="/staff/inbox">← {t('report.back_to_inbox')}</a>
      </p>
      <dl class="facts card">
        <Fact label={t('report.status')}>
          {statusLabel(t, report.status)}
          {report.reject_reason && ` (${t(`reject_reason.${report.reject_reason}` as StaffMessageKey)})`}
        </Fact>
        <Fact label={t('report.received')}>{formatDay(report.received_on)}</Fact>
        <Fact label={t('report.ack')}>
          {report.acknowledged_on
            ? t('report.ack_done', { date: formatDay(report.acknowledged_on) })
            : t('report.ack_due', { date: formatDay(view.ackDue) })}
        </Fact>
        <Fact label={t('report.assignee')}>{staff.find((s) => s.id === report.assignee_id)?.display_name ?? '–'}</Fact>
        <Fact label={t('report.place')}>{placeName(t, places, report.municipality, report.online)}</Fact>
        <Fact label={t('report.when')}>
          {whenText(report.when_precision, report.when_value, t('report.unknown'))}
          {report.ongoing ? ` (${t('report.ongoing')})` : ''}
        </Fact>
        <Fact label={t('report.language')}>{report.locale}</Fact>
        <Fact label={t('report.channel')}>{t(`channel.${report.channel}` as StaffMessageKey)}</Fact>
        <Fact label={t('report.witnesses')}>
          {report.witnesses ? t(`witnesses.${report.witnesses}` as StaffMessageKey) : '–'}
        </Fact>
        <Fact label={t('report.support')}>{report.support_wanted ? t('report.yes') : t('report.no')}</Fact>
        {report.urgent ? (
          <Fact label={t('report.urgent')}>
            <span class="tag danger">{t('inbox.urgent_tag')}</span>
          </Fact>
        ) : null}
      </dl>

      <div class="case-columns">
        <div class="case-main">
          <section class="card" aria-labelledby="text-title">
            <h2 id="text-title">{t('report.text_title')}</h2>
            {report.text_deleted_on ? (
              <p class="muted">{t('report.text_deleted_on', { date: formatDay(report.text_deleted_on) })}</p>
            ) : (
              <>
                <h3>{t('report.description')}</h3>
                <div class="stored-text" lang={report.locale}>
                  {report.description}
                </div>
                {translation('description') && (
                  <Translation
                    body={translation('description')!.body}
                    machine={translation('description')!.machine === 1}
                  />
                )}
                <h3>{t('report.consequences')}</h3>
                {report.consequences ? (
                  <div class="stored-text" lang={report.locale}>
                    {report.consequences}
                  </div>
                ) : (
                  <p class="muted">–</p>
                )}
                {translation('consequences') && (
                  <Translation
                    body={translation('consequences')!.body}
                    machine={translation('consequences')!.machine === 1}
                  />
                )}
              </>
            )}
          </section>

          <section class="card" aria-labelledby="messages-title">
            <h2 id="messages-title">{t('report.messages_title')}</h2>
            <p class="hint">{t('report.messages_hint')}</p>
            {view.messages.length === 0 ? (
              <p class="muted">{t('report.no_messages')}</p>
            ) : (
              <ol class="messages">
                {view.messages.map((m) => (
                  <li key={m.id} class={`message from-${m.author === 'office' ? 'office' : 'reporter'}`}>
                    <p class="meta">
                      {m.author === 'office' ? t('report.from_office') : t('report.from_reporter')} ·{' '}
                      {formatDay(m.sent_on)}
                      {m.author === 'office' && (
                        <span class={m.read_at ? 'tag' : 'tag accent'}>
                          {m.read_at ? t('report.read_by_reporter') : t('report.unread_by_reporter')}
                        </span>
                      )}
                      {m.author === 'reporter' && !m.read_at && (
                        <span class="tag accent">{t('report.new_message')}</span>
                      )}
                    </p>
                    <p class="body">{m.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {!final && !report.text_deleted_on && (
              <PostForm action={`${base}/messages`}>
                <div class="field">
                  <label for="reply">{t('report.reply_label')}</label>
                  <textarea id="reply" name="body" rows={4} required maxLength={10000} />
                </div>
                <button type="submit" class="button primary">
                  {t('report.reply_send')}
                </button>
              </PostForm>
            )}
          </section>

          <section class="card" aria-labelledby="notes-title">
            <h2 id="notes-title">{t('report.notes_title')}</h2>
            <p class="hint">{t('report.notes_hint')}</p>
            {view.notes.length > 0 && (
              <ul class="notes">
                {view.notes.map((n) => (
                  <li key={n.id}>
                    <p class="meta">
                      {n.author ?? '–'} · {formatTime(n.created_at)}
                    </p>
                    <p class="body">{n.body}</p>
                  </li>
                ))}
              </ul>
            )}
            <PostForm action={`${base}/notes`}>
              <div class="field">
                <label for="note">{t('report.note_label')}</label>
                <textarea id="note" name="body" rows={3} required maxLength={10000} />
              </div>
              <button type="submit" class="button">
                {t('report.note_add')}
              </button>
            </PostForm>
          </section>

          <CodingSection view={view} base={base} />
        </div>

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
                    <a href={`/staff/reports/${l.id}`}>#{l.id}</a> ({statusLabel(t, l.status)},{' '}
                    {formatDay(l.received_on)})
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
      </div>
    </StaffLayout>
  );
}

/** The reporter's coding and the caseworker's side by side; the form sets the caseworker's. */
function CodingSection({ view, base }: { view: ReportView; base: string }) {
  const { t } = useStaffPage();
  const of = (coder: string, dimension: string) =>
    view.codes.filter((c) => c.coder === coder && c.dimension === dimension).map((c) => c.code);
  const mine = (dimension: string) => (view.report.coded_on ? of('caseworker', dimension) : of('reporter', dimension));
  const group = (name: string, dimension: string, codes: readonly string[], multiple: boolean) => (
    <fieldset class="choices compact">
      <legend>{t(`dimension.${dimension}` as StaffMessageKey)}</legend>
      {!multiple && (
        <div class="choice">
          <input type="radio" id={`${name}-none`} name={name} value="" checked={mine(dimension).length === 0} />
          <label for={`${name}-none`}>–</label>
        </div>
      )}
      {codes.map((c) => (
        <div class="choice" key={c}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            id={`${name}-${c}`}
            name={name}
            value={c}
            checked={mine(dimension).includes(c)}
          />
          <label for={`${name}-${c}`}>{codeLabel(t, dimension, c)}</label>
        </div>
      ))}
    </fieldset>
  );
  return (
    <section class="card" aria-labelledby="coding-title">
      <h2 id="coding-title">{t('report.coding_title')}</h2>
      <p class="hint">
        {view.report.coded_on
          ? t('report.coding_counts_caseworker', { date: formatDay(view.report.coded_on) })
          : t('report.coding_counts_reporter')}
      </p>
      <table class="coding">
        <thead>
          <tr>
            <th scope="col">{t('report.coding_dimension')}</th>
            <th scope="col">{t('report.coding_reporter')}</th>
            <th scope="col">{t('report.coding_caseworker')}</th>
          </tr>
        </thead>
        <tbody>
          {CODED_DIMENSIONS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`dimension.${d}` as StaffMessageKey)}</th>
              <td>
                {of('reporter', d)
                  .map((c) => codeLabel(t, d, c))
                  .join(', ') || '–'}
              </td>
              <td>
                {view.report.coded_on
                  ? of('caseworker', d)
                      .map((c) => codeLabel(t, d, c))
                      .join(', ') || '–'
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('report.coding_edit')}</summary>
        <PostForm action={`${base}/coding`} class="coding-form">
          {group('grounds', 'ground', GROUNDS, true)}
          {group('racismForms', 'racism_form', RACISM_FORMS, true)}
          {group('incidentForms', 'incident_form', INCIDENT_FORMS, true)}
          {group('lifeDomain', 'life_domain', LIFE_DOMAINS, false)}
          {group('reporterRole', 'reporter_role', REPORTER_ROLES, false)}
          <p class="actions">
            <button type="submit" class="button primary">
              {t('report.coding_save')}
            </button>
          </p>
        </PostForm>
      </details>
    </section>
  );
}

function Translation({ body, machine }: { body: string; machine: boolean }) {
  const { t } = useStaffPage();
  return (
    <div class="translation">
      <p class="meta">
        {t('report.translation_de')}
        {machine && <span class="tag">{t('report.machine_translation')}</span>}
      </p>
      <div class="stored-text" lang="de">
        {body}
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function whenText(precision: string, value: string | null, unknown: string): string {
  if (!value) return unknown;
  return precision === 'day' ? formatDay(value) : value.split('-').reverse().join('/');
}
