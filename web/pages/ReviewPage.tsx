import type { ReportFormValues } from '../../shared/report-form';
import { AnonymisedText, type Highlight } from '../components/AnonymisedText';
import { Checkbox, ErrorSummary, Hidden, type FieldErrors } from '../components/fields';
import { Layout } from '../components/Layout';
import { ProofOfWork } from '../components/ProofOfWork';
import { usePage } from '../components/page-context';
import { placeLabel } from '../components/report-labels';
import type { MessageKey } from '../../shared/i18n/translate';
import { fieldLabel } from './ReportFormPage';

export interface StoredText {
  text: string;
  highlights: Highlight[];
}

export interface ReviewProps {
  values: ReportFormValues;
  stored: { description: StoredText; consequences: StoredText };
  /** An example placeholder in the page's language, e.g. "[Name]". */
  placeholderExample: string;
  errors: FieldErrors;
}

/**
 * Everything that will be stored, before anything is stored. The form's values travel along as hidden fields,
 * so "change" returns to the form with them and "send" needs no state on the server.
 */
export function ReviewPage({ values, stored, placeholderExample, errors }: ReviewProps) {
  const page = usePage();
  const { t, href } = page;
  const list = (prefix: string, codes: string[]) =>
    codes.length ? codes.map((c) => t(`${prefix}.${c}` as MessageKey)).join(', ') : null;
  const one = (prefix: string, code: string) => (code ? t(`${prefix}.${code}` as MessageKey) : null);
  const contact = [values.contactEmail, values.contactPhone, values.contactLanguage].filter((v) => v.trim());
  const removed = stored.description.highlights.length + stored.consequences.highlights.length > 0;

  const rows: [string, MessageKey, string | null][] = [
    ['what', 'review.incident_forms', list('incident_form', values.incidentForms)],
    ['when', 'review.when', whenText(values, t)],
    [
      'where',
      'review.place',
      [values.municipality && placeLabel(page, values.municipality), values.online && t('place.online')]
        .filter(Boolean)
        .join(', ') || null,
    ],
    ['where', 'review.life_domain', one('life_domain', values.lifeDomain)],
    ['why', 'review.grounds', list('ground', values.grounds)],
    ['why', 'review.racism_forms', list('racism_form', values.racismForms)],
    ['role', 'review.role', one('role', values.reporterRole)],
    ['after', 'review.witnesses', one('witnesses', values.witnesses)],
    ['after', 'review.support', values.supportWanted ? t('review.yes') : t('review.no')],
  ];

  return (
    <Layout title={t('review.title')}>
      <p class="lead">{t('review.intro')}</p>
      <ErrorSummary errors={errors} fieldLabel={(f) => fieldLabel(t, f)} />
      <form method="post" action={href('/report/send')}>
        <Hidden name="channel" value={values.channel} />
        <Hidden name="reporterRole" value={values.reporterRole} />
        <Hidden name="description" value={values.description} />
        <Hidden name="incidentForms" value={values.incidentForms} />
        <Hidden name="whenDate" value={values.whenDate} />
        <Hidden name="whenMonth" value={values.whenMonth} />
        <Hidden name="whenYear" value={values.whenYear} />
        <Hidden name="ongoing" value={values.ongoing} />
        <Hidden name="municipality" value={values.municipality} />
        <Hidden name="online" value={values.online} />
        <Hidden name="lifeDomain" value={values.lifeDomain} />
        <Hidden name="grounds" value={values.grounds} />
        <Hidden name="racismForms" value={values.racismForms} />
        <Hidden name="witnesses" value={values.witnesses} />
        <Hidden name="consequences" value={values.consequences} />
        <Hidden name="supportWanted" value={values.supportWanted} />
        <Hidden name="contactEmail" value={values.contactEmail} />
        <Hidden name="contactPhone" value={values.contactPhone} />
        <Hidden name="contactLanguage" value={values.contactLanguage} />

        <section class="card">
          <h2>{t('review.description')}</h2>
          <p class="hint">
            {removed ? t('review.anonymised_note', { example: placeholderExample }) : t('review.nothing_removed')}
          </p>
          <AnonymisedText text={stored.description.text} highlights={stored.description.highlights} />
          <EditButton step="what" />
        </section>

        <section class="card">
          <dl class="summary">
            {rows.map(([step, key, value]) => (
              <div class="summary-row" key={key}>
                <dt>{t(key)}</dt>
                <dd>
                  {value ?? <span class="muted">{t('review.not_answered')}</span>}
                  <EditButton step={step} label={t(key)} />
                </dd>
              </div>
            ))}
            <div class="summary-row">
              <dt>{t('review.consequences')}</dt>
              <dd>
                {stored.consequences.text ? (
                  <AnonymisedText text={stored.consequences.text} highlights={stored.consequences.highlights} />
                ) : (
                  <span class="muted">{t('review.not_answered')}</span>
                )}
                <EditButton step="after" label={t('review.consequences')} />
              </dd>
            </div>
            {contact.length > 0 && (
              <div class="summary-row">
                <dt>{t('review.contact')}</dt>
                <dd>
                  <span dir="ltr">{contact.join(', ')}</span>
                  <p class="hint">{t('review.contact_note')}</p>
                  <EditButton step="after" label={t('review.contact')} />
                </dd>
              </div>
            )}
          </dl>
        </section>

        <section class="card consent">
          <h2>{t('review.consent_title')}</h2>
          <p id="consent-text">{t('review.consent_text', { office: page.office.name })}</p>
          <Checkbox name="consent" label={t('review.consent_label')} checked={false} required error={errors.consent} />
          <ProofOfWork purpose="report" />
          <p class="actions">
            <button type="submit" class="button primary" data-once>
              {t('review.send')}
            </button>
          </p>
        </section>
      </form>
    </Layout>
  );
}

/** "Change" goes back to the form at the right step; formnovalidate so the unticked consent does not block it. */
function EditButton({ step, label }: { step: string; label?: string }) {
  const { t, href } = usePage();
  return (
    <button
      type="submit"
      class="link-button"
      formAction={href(`/report/edit#step-${step}`)}
      formNoValidate
      aria-label={label ? `${t('review.edit')}: ${label}` : undefined}
    >
      {t('review.edit')}
    </button>
  );
}

function whenText(v: ReportFormValues, t: ReturnType<typeof usePage>['t']): string | null {
  let text: string | null = null;
  if (v.whenDate) text = v.whenDate.split('-').reverse().join('.');
  else if (v.whenMonth && v.whenYear) text = `${t(`month.${v.whenMonth}` as MessageKey)} ${v.whenYear}`;
  else if (v.whenYear) text = v.whenYear;
  if (v.ongoing) text = text ? `${text} (${t('review.ongoing')})` : t('review.ongoing');
  return text;
}
