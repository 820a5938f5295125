import { directionOf, htmlLangOf, LOCALE_AUTONYMS, LOCALES, type Locale } from '../../../shared/locales';
import type { OfficeSettingsFormView } from '../../../shared/office-settings-form';
import { translateStaffKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { FieldError, Flash, PostForm } from '../components/forms';

export interface OfficeSettingsProps {
  form: OfficeSettingsFormView;
  /** Field name → error key; `_` the summary, `_list` an error of a whole list (e.g. none left). */
  errors: Record<string, string>;
  notice?: string | undefined;
}

type Fields = OfficeSettingsFormView['fields'];

/** The languages shown at once; the others open on request (or by themselves when one has an error). */
const FIRST: readonly Locale[] = ['de', 'en'];

/** The office's settings for admins: one plain form, every language's text beside the others. */
export function OfficeSettingsPage({ form, errors, notice }: OfficeSettingsProps) {
  const { t } = useStaffPage();
  const { fields, rows } = form;
  const field = (name: string, label: string, options: FieldOptions = {}) => (
    <Field name={name} label={label} fields={fields} errors={errors} {...options} />
  );
  return (
    <StaffLayout title={t('settings.title')}>
      <Flash notice={notice} error={errors._} />
      {errors._list && (
        <p class="error-summary" role="alert">
          {translateStaffKey(t, errors._list)}
        </p>
      )}
      <p>{t('settings.intro')}</p>
      <PostForm action="/staff/settings" class="settings-form" noValidate>
        <section class="card" aria-labelledby="office-title">
          <h2 id="office-title">{t('settings.office_title')}</h2>
          <Localized prefix="office.name" label={t('settings.office_name')} fields={fields} errors={errors} />
          {field('office.region', t('settings.region'))}
          {field('office.contact.address', t('settings.address'), { multiline: true })}
          {field('office.contact.url', t('settings.office_url'), { type: 'url' })}
          {field('office.quickExitUrl', t('settings.quick_exit'), { type: 'url', hint: t('settings.quick_exit_hint') })}
        </section>

        <section class="card" aria-labelledby="emergency-title">
          <h2 id="emergency-title">{t('settings.emergency_title')}</h2>
          {Array.from({ length: rows.emergency }, (_, i) => {
            const p = `office.emergency.${i}`;
            const isNew = i === rows.emergency - 1;
            return (
              <fieldset class="settings-row" key={p}>
                <legend>{isNew ? t('settings.emergency_new') : t('settings.emergency_n', { n: i + 1 })}</legend>
                {field(`${p}.number`, t('settings.number'))}
                <Localized prefix={`${p}.label`} label={t('settings.label')} fields={fields} errors={errors} />
                {!isNew && <Remove name={`${p}.remove`} fields={fields} />}
              </fieldset>
            );
          })}
        </section>

        <section class="card" aria-labelledby="counselling-title">
          <h2 id="counselling-title">{t('settings.counselling_title')}</h2>
          {Array.from({ length: rows.counselling }, (_, i) => {
            const p = `office.counselling.${i}`;
            const isNew = i === rows.counselling - 1;
            return (
              <fieldset class="settings-row" key={p}>
                <legend>
                  {isNew
                    ? t('settings.counselling_new')
                    : fields[`${p}.name`] || t('settings.counselling_n', { n: i + 1 })}
                </legend>
                {field(`${p}.name`, t('settings.contact_name'))}
                {field(`${p}.phone`, t('settings.phone'), { type: 'tel' })}
                {field(`${p}.url`, t('settings.contact_url'), { type: 'url' })}
                {field(`${p}.languages`, t('settings.languages'), { hint: t('settings.languages_hint') })}
                <Localized prefix={`${p}.audience`} label={t('settings.audience')} fields={fields} errors={errors} />
                <Localized
                  prefix={`${p}.description`}
                  label={t('settings.description')}
                  fields={fields}
                  errors={errors}
                  multiline
                />
                {!isNew && <Remove name={`${p}.remove`} fields={fields} />}
              </fieldset>
            );
          })}
        </section>

        <section class="card" aria-labelledby="places-title">
          <h2 id="places-title">{t('settings.places_title')}</h2>
          <p class="hint">{t('settings.places_hint')}</p>
          {Array.from({ length: rows.municipalities }, (_, i) => {
            const p = `office.municipalities.${i}`;
            const isNew = i === rows.municipalities - 1;
            return (
              <fieldset class="settings-row compact-row" key={p}>
                <legend>
                  {isNew ? t('settings.place_new') : fields[`${p}.name`] || t('settings.place_n', { n: i + 1 })}
                </legend>
                {field(`${p}.name`, t('settings.place_name'))}
                {field(`${p}.code`, t('settings.place_code'), { hint: t('settings.place_code_hint') })}
                {field(`${p}.aliases`, t('settings.aliases'), { hint: t('settings.aliases_hint') })}
                {!isNew && <Remove name={`${p}.remove`} fields={fields} />}
              </fieldset>
            );
          })}
          {field('office.regionPlaces', t('settings.region_places'), {
            multiline: true,
            hint: t('settings.region_places_hint'),
          })}
        </section>

        <section class="card" aria-labelledby="keeping-title">
          <h2 id="keeping-title">{t('settings.keeping_title')}</h2>
          {field('retentionMonths', t('settings.retention_months'), {
            type: 'number',
            hint: t('settings.retention_hint'),
          })}
          {field('statsMinCount', t('settings.stats_min_count'), { type: 'number', hint: t('settings.stats_hint') })}
        </section>
        <p class="actions">
          <button type="submit" class="button primary">
            {t('settings.save')}
          </button>
        </p>
      </PostForm>
    </StaffLayout>
  );
}

interface FieldOptions {
  type?: 'url' | 'tel' | 'number';
  hint?: string;
  multiline?: boolean;
  locale?: Locale;
}

function Field({
  name,
  label,
  fields,
  errors,
  type,
  hint,
  multiline,
  locale,
}: FieldOptions & { name: string; label: string; fields: Fields; errors: Record<string, string> }) {
  const error = errors[name];
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id: name,
    name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    ...(locale ? { lang: htmlLangOf(locale), dir: directionOf(locale) } : {}),
  };
  return (
    <div class="field">
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} errorKey={error} />
      {multiline ? (
        <textarea {...common} rows={3}>
          {fields[name] ?? ''}
        </textarea>
      ) : (
        <input {...common} type={type ?? 'text'} value={fields[name] ?? ''} autocomplete="off" />
      )}
    </div>
  );
}

/** A text in every language: German and English at once, the others behind one click. */
function Localized({
  prefix,
  label,
  fields,
  errors,
  multiline,
}: {
  prefix: string;
  label: string;
  fields: Fields;
  errors: Record<string, string>;
  multiline?: boolean;
}) {
  const { t } = useStaffPage();
  const one = (locale: Locale) => (
    <Field
      key={locale}
      name={`${prefix}.${locale}`}
      label={`${label} (${LOCALE_AUTONYMS[locale]})`}
      fields={fields}
      errors={errors}
      locale={locale}
      {...(multiline ? { multiline } : {})}
    />
  );
  const others = LOCALES.filter((l) => !FIRST.includes(l));
  const filled = others.filter((l) => fields[`${prefix}.${l}`]).length;
  return (
    <>
      {FIRST.map(one)}
      <details open={others.some((l) => errors[`${prefix}.${l}`])}>
        <summary>{t('settings.other_languages', { label, filled, total: others.length })}</summary>
        {others.map(one)}
      </details>
    </>
  );
}

function Remove({ name, fields }: { name: string; fields: Fields }) {
  const { t } = useStaffPage();
  return (
    <div class="choice">
      <input type="checkbox" id={name} name={name} value="1" checked={Boolean(fields[name])} />
      <label for={name}>{t('settings.remove')}</label>
    </div>
  );
}
