import type { ReportFormValues } from '../../shared/report-form';
import type { MessageKey } from '../../shared/i18n/translate';
import { Checkbox, ErrorText, type FieldErrors } from '../components/fields';
import { usePage } from '../components/page-context';

type SetValue = <K extends keyof ReportFormValues>(key: K) => (value: ReportFormValues[K]) => void;

/**
 * Optional ways to reach the reporter, only for the counselling they asked for. With JavaScript they appear
 * once "I would like advice" is ticked; without it they are always there, with a hint saying when to use them.
 * No autofill: a browser that remembers them would bring them back after a quick exit.
 */
export function ContactFields({
  values,
  errors,
  set,
  enhanced,
}: {
  values: ReportFormValues;
  errors: FieldErrors;
  set: SetValue;
  enhanced: boolean;
}) {
  const { t } = usePage();
  const input = (name: 'contactEmail' | 'contactPhone' | 'contactLanguage', label: string, type: string) => (
    <div class="field">
      <label for={name}>{label}</label>
      <ErrorText id={`${name}-error`} errorKey={errors[name]} />
      <input
        type={type}
        id={name}
        name={name}
        value={values[name]}
        autocomplete="off"
        maxLength={200}
        dir={type === 'text' ? undefined : 'ltr'}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `contact-hint ${name}-error` : 'contact-hint'}
        onInput={(e) => set(name)((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
  return (
    <fieldset class="contact" id="q-contact">
      <legend>{t('form.contact.legend')}</legend>
      <p class="hint" id="contact-hint">
        {!enhanced && <>{t('form.contact.hint_nojs')} </>}
        {t('form.contact.storage')}
      </p>
      {input('contactEmail', t('form.contact.email'), 'email')}
      {input('contactPhone', t('form.contact.phone'), 'tel')}
      {input('contactLanguage', t('form.contact.language'), 'text')}
    </fieldset>
  );
}

/**
 * An address only for "there is a new message for your report", independent of counselling. The risk of a
 * mailbox others can read is said before the field, in plain words.
 */
export function NoticeField({ values, errors, set }: { values: ReportFormValues; errors: FieldErrors; set: SetValue }) {
  const { t } = usePage();
  const error = errors.noticeEmail;
  return (
    <fieldset class="contact" id="q-notice">
      <legend>{t('form.notice.legend')}</legend>
      <p class="hint" id="notice-hint">
        {t('form.notice.hint')}
      </p>
      <p class="hint warn" id="notice-risk">
        {t('form.notice.risk')}
      </p>
      <div class="field">
        <label for="noticeEmail">{t('form.notice.email')}</label>
        <ErrorText id="noticeEmail-error" errorKey={error} />
        <input
          type="email"
          id="noticeEmail"
          name="noticeEmail"
          value={values.noticeEmail}
          autocomplete="off"
          maxLength={200}
          dir="ltr"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`notice-hint notice-risk${error ? ' noticeEmail-error' : ''}`}
          onInput={(e) => set('noticeEmail')((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
    </fieldset>
  );
}

export function WhenFields({ values, errors, set }: { values: ReportFormValues; errors: FieldErrors; set: SetValue }) {
  const { t } = usePage();
  const error = errors.whenDate ?? errors.whenYear ?? errors.whenMonth;
  return (
    <fieldset class="when" id="q-when" aria-describedby={`when-hint${error ? ' whenDate-error' : ''}`}>
      <legend>{t('form.when.legend')}</legend>
      <p class="hint" id="when-hint">
        {t('form.when.hint')}
      </p>
      {error && (
        <p class="field-error" id="whenDate-error">
          {t(error as MessageKey)}
        </p>
      )}
      <div class="field">
        <label for="whenDate">{t('form.when.date')}</label>
        <input
          type="date"
          id="whenDate"
          name="whenDate"
          value={values.whenDate}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => set('whenDate')((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field-row">
        <div class="field month">
          <label for="whenMonth">{t('form.when.month')}</label>
          <select
            id="whenMonth"
            name="whenMonth"
            value={values.whenMonth}
            onChange={(e) => set('whenMonth')((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('form.when.month_none')}</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option value={String(i + 1)} key={i}>
                {t(`month.${i + 1}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="whenYear">{t('form.when.year')}</label>
          <input
            type="text"
            inputMode="numeric"
            pattern="[0-9]{4}"
            maxLength={4}
            id="whenYear"
            name="whenYear"
            value={values.whenYear}
            autocomplete="off"
            dir="ltr"
            onInput={(e) => set('whenYear')((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </div>
      <Checkbox name="ongoing" label={t('form.when.ongoing')} checked={values.ongoing} onChange={set('ongoing')} />
    </fieldset>
  );
}
