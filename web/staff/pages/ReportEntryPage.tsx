import type { ReportFormValues } from '../../../shared/report-form';
import type { EntrySaved, EntryValues } from '../../../shared/staff-entry';
import { languageLabel } from '../../../shared/locales';
import { RECEIVED_VIA } from '../../../shared/staff';
import {
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  RACISM_FORMS,
  REPORTER_ROLES,
  WITNESS_ANSWERS,
} from '../../../shared/taxonomy';
import { translateStaffKey, type StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import type { MessageKey } from '../../../shared/i18n/translate';
import { FieldError, PostForm } from '../components/forms';
import { codeLabel, placeOptions } from '../components/labels';
import { StaffLayout } from '../components/StaffLayout';
import { useStaffPage } from '../context';
import {
  EVIDENCE_FIELD,
  EVIDENCE_TOKEN_FIELD,
  evidenceAccept,
  limitParams,
  type EvidenceField,
} from '../../../shared/evidence';

export interface ReportEntryProps {
  values: EntryValues;
  errors: Record<string, string>;
  saved?: EntrySaved | undefined;
  places: { code: string; name: string }[];
  locales: string[];
  /** Files for the report (a letter, a photo brought in); absent where the office takes none. */
  evidence?: EvidenceField | undefined;
}

/** A report received by phone, letter, e-mail or in person, entered by a caseworker (channel `staff`). */
export function ReportEntryPage({ values, errors, saved, places, locales, evidence }: ReportEntryProps) {
  const { t } = useStaffPage();
  const described = (name: string) => (errors[name] ? `${name}-error` : undefined);
  const choices = (name: keyof ReportFormValues, dimension: string, codes: readonly string[], multiple: boolean) => (
    <fieldset class="choices compact" aria-describedby={described(name)}>
      <legend>{t(`dimension.${dimension}` as StaffMessageKey)}</legend>
      {!multiple && (
        <div class="choice">
          <input type="radio" id={`${name}-none`} name={name} value="" checked={!values[name]} />
          <label for={`${name}-none`}>–</label>
        </div>
      )}
      {codes.map((code) => {
        const value = values[name];
        const checked = Array.isArray(value) ? value.includes(code) : value === code;
        return (
          <div class="choice" key={code}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={`${name}-${code}`}
              name={name}
              value={code}
              checked={checked}
            />
            <label for={`${name}-${code}`}>{codeLabel(t, dimension, code)}</label>
          </div>
        );
      })}
      <FieldError id={`${name}-error`} errorKey={errors[name]} />
    </fieldset>
  );
  const text = (
    name: 'whenDate' | 'whenMonth' | 'whenYear' | 'contactEmail' | 'contactPhone' | 'contactLanguage',
    label: string,
    type = 'text',
  ) => (
    <div class="field">
      <label for={name}>{label}</label>
      <input id={name} name={name} type={type} value={values[name]} aria-describedby={described(name)} />
      <FieldError id={`${name}-error`} errorKey={errors[name]} />
    </div>
  );
  const flag = (name: 'online' | 'ongoing' | 'supportWanted' | 'receipt' | 'consent', label: string, hint?: string) => (
    <div class="choice">
      <input
        type="checkbox"
        id={name}
        name={name}
        checked={values[name]}
        aria-describedby={hint ? `${name}-hint` : described(name)}
      />
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} errorKey={errors[name]} />
    </div>
  );
  return (
    <StaffLayout title={t('entry.title')}>
      {saved && (
        <section class="notice" role="status">
          <p>{t('entry.saved')}</p>
          {saved.receipt && (
            <p>
              {t('entry.receipt_shown')} <strong class="receipt-code">{saved.receipt}</strong>
            </p>
          )}
          <p>{t('entry.anonymised')}</p>
          <blockquote>{saved.description}</blockquote>
        </section>
      )}
      {Object.keys(errors).length > 0 && (
        <p class="error-summary" role="alert">
          {translateStaffKey(t, 'errors.validation')}
        </p>
      )}
      <p>{t('entry.intro')}</p>
      <PostForm
        action="/staff/reports/new"
        id="report-entry"
        class="card entry-form"
        {...(evidence ? { enctype: 'multipart/form-data' as const } : {})}
      >
        <fieldset class="choices compact" aria-describedby={described('receivedVia')}>
          <legend>{t('entry.received_via')}</legend>
          {RECEIVED_VIA.map((via) => (
            <div class="choice" key={via}>
              <input
                type="radio"
                id={`via-${via}`}
                name="receivedVia"
                value={via}
                checked={values.receivedVia === via}
              />
              <label for={`via-${via}`}>{t(`received_via.${via}` as StaffMessageKey)}</label>
            </div>
          ))}
          <FieldError id="receivedVia-error" errorKey={errors.receivedVia} />
        </fieldset>
        <div class="field">
          <label for="locale">{t('entry.locale')}</label>
          <select id="locale" name="locale">
            {locales.map((l) => (
              <option key={l} value={l} selected={values.locale === l}>
                {languageLabel(l)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="description">{t('form.description.label')}</label>
          <textarea id="description" name="description" rows={8} aria-describedby={described('description')}>
            {values.description}
          </textarea>
          <FieldError id="description-error" errorKey={errors.description} />
        </div>
        {choices('grounds', 'ground', GROUNDS, true)}
        {choices('racismForms', 'racism_form', RACISM_FORMS, true)}
        {choices('incidentForms', 'incident_form', INCIDENT_FORMS, true)}
        {choices('lifeDomain', 'life_domain', LIFE_DOMAINS, false)}
        {choices('reporterRole', 'reporter_role', REPORTER_ROLES, false)}
        <div class="field">
          <label for="municipality">{t('inbox.place')}</label>
          <select id="municipality" name="municipality">
            <option value="">–</option>
            {placeOptions(t, places).map(([code, name]) => (
              <option key={code} value={code} selected={values.municipality === code}>
                {name}
              </option>
            ))}
          </select>
          <FieldError id="municipality-error" errorKey={errors.municipality} />
        </div>
        {flag('online', t('place.online'))}
        {text('whenDate', t('form.when.date'), 'date')}
        {text('whenMonth', t('form.when.month'))}
        {text('whenYear', t('form.when.year'))}
        {flag('ongoing', t('form.when.ongoing'))}
        <fieldset class="choices compact">
          <legend>{t('form.witnesses.legend')}</legend>
          {WITNESS_ANSWERS.map((w) => (
            <div class="choice" key={w}>
              <input type="radio" id={`witnesses-${w}`} name="witnesses" value={w} checked={values.witnesses === w} />
              <label for={`witnesses-${w}`}>{t(`witnesses.${w}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="consequences">{t('form.consequences.label')}</label>
          <textarea id="consequences" name="consequences" rows={3}>
            {values.consequences}
          </textarea>
        </div>
        {evidence && <EntryEvidence field={evidence} />}
        {flag('supportWanted', t('form.support.label'))}
        {text('contactEmail', t('form.contact.email'), 'email')}
        {text('contactPhone', t('form.contact.phone'), 'tel')}
        {text('contactLanguage', t('form.contact.language'))}
        {flag('receipt', t('entry.receipt'), t('entry.receipt_hint'))}
        {flag('consent', t('entry.consent'))}
        <p class="actions">
          <button type="submit" class="button primary">
            {t('entry.submit')}
          </button>
        </p>
      </PostForm>
    </StaffLayout>
  );
}

/**
 * Files brought in with a report (a letter, a printed screenshot photographed at the desk): cleaned on the post
 * like the public form's, kept under a token while the form is corrected, stored with the report.
 */
function EntryEvidence({ field }: { field: EvidenceField }) {
  const { t } = useStaffPage();
  const upload = field.upload;
  const params = { ...limitParams(field.limits), kinds: field.kinds.map((k) => k.toUpperCase()).join(', ') };
  return (
    <div class="field">
      {upload && <input type="hidden" name={EVIDENCE_TOKEN_FIELD} value={upload.token} />}
      <label for="entry-evidence">{t('evidence.title')}</label>
      <p class="hint" id="entry-evidence-hint">
        {t('evidence.hint', params)}
      </p>
      {upload && upload.files.length > 0 && (
        <ul class="staff-evidence">
          {upload.files.map((f, i) => (
            <li key={f.id}>
              <img src={f.thumbnail} alt={t('entry.evidence_file', { n: i + 1 })} class="evidence-thumbnail" />
            </li>
          ))}
        </ul>
      )}
      {upload && upload.refused.length > 0 && (
        <div class="field-error" role="alert">
          <p>{t('evidence.refused_title')}</p>
          <ul>
            {upload.refused.map((r, i) => (
              <li key={i}>
                <bdi>{r.name}</bdi>: {t(`evidence.errors.${r.reason}` as MessageKey, params)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <input
        id="entry-evidence"
        type="file"
        name={EVIDENCE_FIELD}
        multiple
        accept={evidenceAccept(field.kinds)}
        aria-describedby="entry-evidence-hint"
      />
    </div>
  );
}
