import type { ReplyPreview, ReportView } from '../../../shared/case-views';
import type { StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { Flash, PostForm, formatDay, formatTime } from '../components/forms';
import { CaseActions } from '../components/CaseActions';
import { CodingSection } from '../components/CodingSection';
import { EvidenceSection } from '../components/EvidenceSection';
import type { StaffEvidenceFile } from '../../../shared/evidence';
import { Fact } from '../components/Fact';
import { FlagTag } from '../components/FlagTag';
import { placeName, statusLabel, type Place } from '../components/labels';
import { MessagesSection } from '../components/MessagesSection';
import { directionOf, htmlLangOf, isLocale, languageLabel } from '../../../shared/locales';
import type { Reply } from '../../../shared/staff';

export interface ReportPageProps {
  view: ReportView;
  staff: { id: number; display_name: string }[];
  places: Place[];
  /** The report's files; absent where no evidence store is set up. */
  evidence?: StaffEvidenceFile[] | undefined;
  notice?: string | undefined;
  error?: string | undefined;
  /** A reply being written, shown again with its preview (nothing sent yet). */
  reply?: Pick<Reply, 'phrase' | 'body'> | undefined;
  preview?: ReplyPreview | undefined;
}

/** Everything about one report on one screen: reading on the left, acting on the right. */
export function ReportPage({ view, staff, places, evidence, notice, error, reply, preview }: ReportPageProps) {
  const { t } = useStaffPage();
  const { report } = view;
  const base = `/staff/reports/${report.id}`;
  const final = report.status === 'closed' || report.status === 'rejected';
  const translation = (field: string) => view.translations.find((x) => x.field === field && x.locale === 'de');
  const pending = (field: string) =>
    !translation(field) && view.translating.pending.some((p) => p.subject === field) ? (
      <p class="muted">{t('report.translation_pending')}</p>
    ) : null;

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
        <Fact label={t('report.language')}>{languageLabel(report.locale)}</Fact>
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

      {report.flag && (
        <section class="card flagged-report" aria-labelledby="flag-title">
          <h2 id="flag-title">
            {t('report.flag_title')} <FlagTag flag={report.flag} />
          </h2>
          <p>{report.flag === 'flood' ? t('report.flag_flood') : t('report.flag_unverified')}</p>
          <p class="hint">{t('report.flag_hint')}</p>
          {!final && (
            <PostForm action={`${base}/count`}>
              <button type="submit" class="button primary">
                {t('report.count_it')}
              </button>
            </PostForm>
          )}
        </section>
      )}

      <div class="case-columns">
        <div class="case-main">
          <section class="card" aria-labelledby="text-title">
            <h2 id="text-title">{t('report.text_title')}</h2>
            {report.text_deleted_on ? (
              <p class="muted">{t('report.text_deleted_on', { date: formatDay(report.text_deleted_on) })}</p>
            ) : (
              <>
                <h3>{t('report.description')}</h3>
                <div class="stored-text" {...languageOf(report.locale)}>
                  {report.description}
                </div>
                {translation('description') && (
                  <Translation
                    body={translation('description')!.body}
                    machine={translation('description')!.machine === 1}
                  />
                )}
                {pending('description')}
                <h3>{t('report.consequences')}</h3>
                {report.consequences ? (
                  <div class="stored-text" {...languageOf(report.locale)}>
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
                {pending('consequences')}
                <TranslationState view={view} base={base} />
              </>
            )}
          </section>

          {evidence && <EvidenceSection files={evidence} />}

          <MessagesSection
            base={base}
            locale={report.locale}
            messages={view.messages}
            pending={view.translating.pending.map((p) => p.subject)}
            canReply={!final && !report.text_deleted_on}
            reply={reply}
            preview={preview}
          />

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

        <CaseActions view={view} staff={staff} base={base} />
      </div>
    </StaffLayout>
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

/** Texts still waiting for their translation, and the way not to wait; or the phrasebook, without a translator. */
function TranslationState({ view, base }: { view: ReportView; base: string }) {
  const { t } = useStaffPage();
  const { configured, pending } = view.translating;
  const locale = view.report.locale;
  if (!configured)
    return locale === 'de' || locale === 'de-LS' ? null : (
      <p class="hint translation-state">{t('report.no_translator', { language: languageLabel(locale) })}</p>
    );
  if (pending.length === 0) return null;
  const given = pending.find((p) => p.failed);
  const reason = (given ?? pending.find((p) => p.lastError))?.lastError;
  return (
    <div class="translation-state">
      <p>
        <span class="tag accent">{t('report.translation_pending')}</span>{' '}
        {t('report.translation_pending_count', { count: pending.length })}
        {reason && ` ${t(`report.translation_failure_${reason}` as StaffMessageKey)}`}
      </p>
      <PostForm action={`${base}/translate`}>
        <button type="submit" class="button">
          {t('report.translate_now')}
        </button>
      </PostForm>
    </div>
  );
}

/** A text's language and direction, so that Arabic and Persian originals read right to left. */
function languageOf(code: string): { lang: string; dir?: 'rtl' | 'ltr' } {
  return isLocale(code) ? { lang: htmlLangOf(code), dir: directionOf(code) } : { lang: code };
}

function whenText(precision: string, value: string | null, unknown: string): string {
  if (!value) return unknown;
  return precision === 'day' ? formatDay(value) : value.split('-').reverse().join('/');
}
