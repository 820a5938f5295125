import { useEffect, useRef, useState } from 'preact/hooks';
import { CONSEQUENCES_MAX, DESCRIPTION_MAX } from '../../shared/limits';
import type { ReportFormValues } from '../../shared/report-form';
import {
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  RACISM_FORMS,
  REPORTER_ROLES,
  WITNESS_ANSWERS,
} from '../../shared/taxonomy';
import {
  Checkbox,
  ChoiceGroup,
  ErrorSummary,
  ErrorText,
  Hidden,
  TextArea,
  type FieldErrors,
} from '../components/fields';
import { Layout } from '../components/Layout';
import { usePage } from '../components/page-context';
import { placeOptions, type FieldLabel } from '../components/report-labels';
import type { MessageKey } from '../../shared/i18n/translate';

export interface ReportFormProps {
  values: ReportFormValues;
  errors: FieldErrors;
}

const STEPS = ['what', 'when', 'where', 'why', 'role', 'after'] as const;
type Step = (typeof STEPS)[number];

/** Which step holds a field: the stepper opens on the first step with an error. */
const STEP_OF_FIELD: Record<string, Step> = {
  description: 'what',
  incidentForms: 'what',
  whenDate: 'when',
  whenMonth: 'when',
  whenYear: 'when',
  ongoing: 'when',
  municipality: 'where',
  online: 'where',
  lifeDomain: 'where',
  grounds: 'why',
  racismForms: 'why',
  reporterRole: 'role',
  witnesses: 'after',
  consequences: 'after',
  supportWanted: 'after',
  contactEmail: 'after',
  contactPhone: 'after',
  contactLanguage: 'after',
};

/**
 * One HTML form with all questions, posted to the review screen. Without JavaScript every step shows at once;
 * with it, one step at a time with back/next, and the description is checked before moving on.
 */
export function ReportFormPage({ values: initial, errors: serverErrors }: ReportFormProps) {
  const page = usePage();
  const { t, href } = page;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(serverErrors);
  const [enhanced, setEnhanced] = useState(false);
  const firstErrorStep = STEPS.findIndex((s) => Object.keys(serverErrors).some((f) => STEP_OF_FIELD[f] === s));
  const [current, setCurrent] = useState(Math.max(0, firstErrorStep));
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const moved = useRef(false);

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (moved.current) headings.current[current]?.focus();
  }, [current]);

  const set =
    <K extends keyof ReportFormValues>(key: K) =>
    (value: ReportFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const options = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
  const label: FieldLabel = (field) => fieldLabel(t, field);

  const go = (to: number) => {
    if (to > current && STEPS[current] === 'what' && !values.description.trim()) {
      setErrors((e) => ({ ...e, description: 'errors.description_required' }));
      document.getElementById('description')?.focus();
      return;
    }
    if (STEPS[current] === 'what' && values.description.trim()) setErrors(({ description: _, ...rest }) => rest);
    moved.current = true;
    setCurrent(to);
  };

  const showRacismForms = !enhanced || values.grounds.includes('racism') || values.racismForms.length > 0;

  const step = (id: Step, index: number, body: preact.ComponentChildren) => (
    <section
      class="step card"
      id={`step-${id}`}
      hidden={enhanced && index !== current}
      aria-labelledby={`step-${id}-title`}
    >
      {enhanced && <p class="progress">{t('form.step_of', { current: index + 1, total: STEPS.length })}</p>}
      <h2
        id={`step-${id}-title`}
        tabIndex={-1}
        ref={(el) => {
          headings.current[index] = el;
        }}
      >
        {t(`form.step.${id}` as MessageKey)}
      </h2>
      {body}
      {enhanced && (
        <div class="step-nav">
          {index > 0 && (
            <button type="button" class="button" onClick={() => go(index - 1)}>
              <span aria-hidden="true" class="arrow-back">
                ←
              </span>{' '}
              {t('form.back')}
            </button>
          )}
          {index < STEPS.length - 1 ? (
            <button type="button" class="button primary" onClick={() => go(index + 1)}>
              {t('form.next')}{' '}
              <span aria-hidden="true" class="arrow-forward">
                →
              </span>
            </button>
          ) : (
            <button type="submit" class="button primary">
              {t('form.to_review')}
            </button>
          )}
        </div>
      )}
    </section>
  );

  return (
    <Layout title={t('form.title')}>
      <p class="lead">{t('form.intro')}</p>
      <ErrorSummary errors={serverErrors} fieldLabel={label} />
      <form method="post" action={href('/report/review')} novalidate={enhanced} class="report-form">
        {/* A report begun with the assistant stays an assistant report when it is finished in the form. */}
        <Hidden name="channel" value={values.channel} />
        {/* What the assistant only inferred travels along unseen here; the review screen shows it. */}
        <Hidden name="inferredCodes" value={values.inferredCodes} />
        {step(
          'what',
          0,
          <>
            <TextArea
              name="description"
              label={t('form.description.label')}
              hint={t('form.description.hint')}
              value={values.description}
              error={errors.description}
              required
              maxLength={DESCRIPTION_MAX}
              rows={8}
              onInput={set('description')}
            />
            <ChoiceGroup
              name="incidentForms"
              multiple
              legend={t('form.incident_forms.legend')}
              options={options('incident_form', INCIDENT_FORMS)}
              selected={values.incidentForms}
              error={errors.incidentForms}
              onChange={set('incidentForms')}
            />
          </>,
        )}
        {step('when', 1, <WhenFields values={values} errors={errors} set={set} />)}
        {step(
          'where',
          2,
          <>
            <ChoiceGroup
              name="municipality"
              legend={t('form.place.legend')}
              options={placeOptions(page)}
              selected={[values.municipality]}
              error={errors.municipality}
              onChange={(v) => set('municipality')(v[0] ?? '')}
            />
            <Checkbox name="online" label={t('form.place.online')} checked={values.online} onChange={set('online')} />
            <ChoiceGroup
              name="lifeDomain"
              legend={t('form.life_domain.legend')}
              options={options('life_domain', LIFE_DOMAINS)}
              selected={[values.lifeDomain]}
              error={errors.lifeDomain}
              onChange={(v) => set('lifeDomain')(v[0] ?? '')}
            />
          </>,
        )}
        {step(
          'why',
          3,
          <>
            <ChoiceGroup
              name="grounds"
              multiple
              legend={t('form.grounds.legend')}
              options={options('ground', GROUNDS)}
              selected={values.grounds}
              error={errors.grounds}
              onChange={set('grounds')}
            />
            {showRacismForms && (
              <ChoiceGroup
                name="racismForms"
                multiple
                legend={t('form.racism_forms.legend')}
                options={options('racism_form', RACISM_FORMS)}
                selected={values.racismForms}
                error={errors.racismForms}
                onChange={set('racismForms')}
              />
            )}
          </>,
        )}
        {step(
          'role',
          4,
          <ChoiceGroup
            name="reporterRole"
            legend={t('form.role.legend')}
            options={options('role', REPORTER_ROLES)}
            selected={[values.reporterRole]}
            error={errors.reporterRole}
            onChange={(v) => set('reporterRole')(v[0] ?? '')}
          />,
        )}
        {step(
          'after',
          5,
          <>
            <ChoiceGroup
              name="witnesses"
              legend={t('form.witnesses.legend')}
              options={options('witnesses', WITNESS_ANSWERS)}
              selected={[values.witnesses]}
              error={errors.witnesses}
              onChange={(v) => set('witnesses')(v[0] ?? '')}
            />
            <TextArea
              name="consequences"
              label={t('form.consequences.label')}
              hint={t('form.consequences.hint')}
              value={values.consequences}
              error={errors.consequences}
              rows={4}
              maxLength={CONSEQUENCES_MAX}
              onInput={set('consequences')}
            />
            <Checkbox
              name="supportWanted"
              label={t('form.support.label')}
              checked={values.supportWanted}
              onChange={set('supportWanted')}
            />
            {(!enhanced || values.supportWanted) && (
              <ContactFields values={values} errors={errors} set={set} enhanced={enhanced} />
            )}
          </>,
        )}
        {!enhanced && (
          <p class="actions">
            <button type="submit" class="button primary">
              {t('form.to_review')}
            </button>
          </p>
        )}
      </form>
    </Layout>
  );
}

/**
 * Optional ways to reach the reporter, only for the counselling they asked for. With JavaScript they appear
 * once "I would like advice" is ticked; without it they are always there, with a hint saying when to use them.
 */
function ContactFields({
  values,
  errors,
  set,
  enhanced,
}: {
  values: ReportFormValues;
  errors: FieldErrors;
  set: <K extends keyof ReportFormValues>(key: K) => (value: ReportFormValues[K]) => void;
  enhanced: boolean;
}) {
  const { t } = usePage();
  const input = (
    name: 'contactEmail' | 'contactPhone' | 'contactLanguage',
    label: string,
    type: string,
    autocomplete: string,
  ) => (
    <div class="field">
      <label for={name}>{label}</label>
      <ErrorText id={`${name}-error`} errorKey={errors[name]} />
      <input
        type={type}
        id={name}
        name={name}
        value={values[name]}
        autocomplete={autocomplete}
        maxLength={200}
        dir={type === 'text' ? undefined : 'ltr'}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `contact-hint ${name}-error` : 'contact-hint'}
        onInput={(e) => set(name)((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
  return (
    <fieldset class="contact">
      <legend>{t('form.contact.legend')}</legend>
      <p class="hint" id="contact-hint">
        {!enhanced && <>{t('form.contact.hint_nojs')} </>}
        {t('form.contact.hint')}
      </p>
      {input('contactEmail', t('form.contact.email'), 'email', 'email')}
      {input('contactPhone', t('form.contact.phone'), 'tel', 'tel')}
      {input('contactLanguage', t('form.contact.language'), 'text', 'off')}
    </fieldset>
  );
}

function WhenFields({
  values,
  errors,
  set,
}: {
  values: ReportFormValues;
  errors: FieldErrors;
  set: <K extends keyof ReportFormValues>(key: K) => (value: ReportFormValues[K]) => void;
}) {
  const { t } = usePage();
  const error = errors.whenDate ?? errors.whenYear ?? errors.whenMonth;
  return (
    <fieldset class="when" aria-describedby={`when-hint${error ? ' whenDate-error' : ''}`}>
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
        <div class="field">
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

function fieldLabel(t: ReturnType<typeof usePage>['t'], field: string): string {
  const keys: Record<string, MessageKey> = {
    description: 'form.description.label',
    incidentForms: 'review.incident_forms',
    whenDate: 'review.when',
    whenMonth: 'review.when',
    whenYear: 'review.when',
    municipality: 'review.place',
    lifeDomain: 'review.life_domain',
    grounds: 'review.grounds',
    racismForms: 'review.racism_forms',
    reporterRole: 'review.role',
    witnesses: 'review.witnesses',
    consequences: 'review.consequences',
    supportWanted: 'review.support',
    contactEmail: 'form.contact.email',
    contactPhone: 'form.contact.phone',
    contactLanguage: 'form.contact.language',
    consent: 'review.consent_title',
  };
  return keys[field] ? t(keys[field]) : field;
}
export { fieldLabel };
