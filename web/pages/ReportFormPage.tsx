import { useEffect, useRef, useState } from 'preact/hooks';
import { CONSEQUENCES_MAX, DESCRIPTION_MAX } from '../../shared/limits';
import { emptyFormValues, hasAnswers, type ReportFormValues } from '../../shared/report-form';
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
import {
  STEPS,
  STEP_OF_FIELD,
  fieldLabel,
  placeOptions,
  questionIdOf,
  type FieldLabel,
  type Step,
} from '../components/report-labels';
import type { MessageKey } from '../../shared/i18n/translate';
import { clearDraft, newSendToken, saveDraft, type Draft } from '../draft';
import {
  addressOf,
  firstErrorStep,
  fragmentOf,
  resumeReportForm,
  viewFromAddress,
  type Resumed,
  type View,
} from '../report/resume';
import { requestReview } from '../report/review-request';
import { ReviewPage, removalKey, type ReviewProps } from './ReviewPage';

export interface ReportFormProps {
  values: ReportFormValues;
  errors: FieldErrors;
  /** The one-time token the review screen's send button will carry: made here, kept with the draft. */
  sendToken: string;
  /** A fresh form (fetched with GET): this tab's draft, if there is one, comes back. A posted form brings its own. */
  restore: boolean;
  /** Filled in the browser before hydration (`prepareReportForm`). */
  resumed?: Resumed;
}

/** Before hydration: this tab's draft and what was typed before the script ran (see web/report/resume.ts). */
export function prepareReportForm(props: ReportFormProps): ReportFormProps {
  return { ...props, ...resumeReportForm(props) };
}

/**
 * One HTML form with all questions, posted to the review screen. Without JavaScript every step shows at once
 * and the server carries the answers through the review and back. With it, one step at a time, each step an
 * entry in the tab's history; the review screen is shown in the form's place (its content comes from the
 * server), and the draft lives in this tab (web/draft.ts) until it is sent.
 */
export function ReportFormPage(props: ReportFormProps) {
  const { errors: serverErrors, resumed } = props;
  const page = usePage();
  const { t, href } = page;
  const [values, setValues] = useState(props.values);
  const [sendToken, setSendToken] = useState(props.sendToken);
  const [errors, setErrors] = useState<FieldErrors>(serverErrors);
  const [enhanced, setEnhanced] = useState(false);
  const [view, setView] = useState<View>(resumed?.view ?? { step: firstErrorStep(serverErrors) });
  const [review, setReview] = useState<{ key: string; props: ReviewProps } | null>(null);
  const [reviewFailed, setReviewFailed] = useState(false);
  const [keptNotice, setKeptNotice] = useState(resumed?.fromDraft ?? false);
  const removed = useRef<Draft['removed']>(resumed?.removed);
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const moved = useRef(false);
  const focusQuestion = useRef<string | undefined>(resumed?.focus);
  const latest = useRef({ values, sendToken, view });
  latest.current = { values, sendToken, view };
  const formPath = href('/report');
  const current = view === 'review' ? STEPS.length - 1 : view.step;

  const show = (next: View, how: 'push' | 'replace' | 'none') => {
    if (how !== 'none')
      history[how === 'push' ? 'pushState' : 'replaceState']({ report: true }, '', addressOf(formPath, next));
    moved.current = true;
    setView(next);
  };

  useEffect(() => {
    setEnhanced(true);
    history.replaceState({ report: true }, '', addressOf(formPath, latest.current.view));
    // Back and Forward move between steps (and the review) as between pages.
    const onPop = () => show(viewFromAddress(location.hash, latest.current.values, {}, null).view, 'none');
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!enhanced) return;
    if (hasAnswers(values)) saveDraft({ values, sendToken, ...(removed.current ? { removed: removed.current } : {}) });
    else clearDraft();
  }, [enhanced, values, sendToken]);

  // The review screen's content, fetched whenever it is shown for answers it was not made for.
  const reviewKey = JSON.stringify([values, sendToken]);
  useEffect(() => {
    if (!enhanced || view !== 'review' || review?.key === reviewKey) return;
    let cancelled = false;
    void requestReview(href('/report/review'), values, sendToken).then((answer) => {
      if (cancelled) return;
      if (answer.kind === 'review') {
        const kept = removed.current;
        const fresh = answer.review;
        const restored = kept && kept.key === removalKey(fresh.texts) ? { ...fresh, removed: kept.removed } : fresh;
        setReview({ key: reviewKey, props: restored });
        setReviewFailed(false);
      } else if (answer.kind === 'invalid') {
        setErrors(answer.errors);
        show({ step: firstErrorStep(answer.errors) }, 'replace');
      } else {
        setReviewFailed(true);
        show({ step: STEPS.length - 1 }, 'replace');
      }
    });
    return () => {
      cancelled = true;
    };
  }, [enhanced, view, reviewKey]);

  useEffect(() => {
    if (!moved.current || view === 'review') return;
    document.title = `${t('form.title')} – ${t('app.name')}`;
    const question = focusQuestion.current ? document.getElementById(focusQuestion.current) : null;
    focusQuestion.current = undefined;
    const control = question?.querySelector<HTMLElement>('input, select, textarea');
    if (question && control) {
      control.focus();
      question.scrollIntoView({ block: 'start' });
    } else headings.current[current]?.focus();
  }, [view]);

  const set =
    <K extends keyof ReportFormValues>(key: K) =>
    (value: ReportFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const options = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
  const label: FieldLabel = (field) => fieldLabel(t, field);

  const descriptionMissing = () => {
    if (values.description.trim()) return false;
    setErrors((e) => ({ ...e, description: 'errors.description_required' }));
    if (current !== 0) show({ step: 0 }, 'push');
    document.getElementById('description')?.focus();
    return true;
  };

  const go = (to: number) => {
    if (to > current && STEPS[current] === 'what' && descriptionMissing()) return;
    if (STEPS[current] === 'what' && values.description.trim()) setErrors(({ description: _, ...rest }) => rest);
    show({ step: to }, 'push');
  };

  const toReview = () => {
    if (descriptionMissing()) return;
    setReviewFailed(false);
    show('review', 'push');
  };

  const startOver = () => {
    clearDraft();
    removed.current = undefined;
    setValues({ ...emptyFormValues, channel: values.channel });
    setSendToken(newSendToken());
    setErrors({});
    setKeptNotice(false);
    show({ step: 0 }, 'push');
  };

  /**
   * With JavaScript the form never posts itself: "check" shows the review in place, and Enter in a field
   * before the last step moves on one step.
   */
  const onSubmit = (event: Event) => {
    if (!enhanced) return;
    event.preventDefault();
    if (current < STEPS.length - 1) go(current + 1);
    else toReview();
  };

  if (enhanced && view === 'review') {
    if (!review || review.key !== reviewKey)
      return (
        <Layout title={t('review.title')} switchSuffix="#review">
          <p class="notice" role="status">
            {t('form.review_loading')}
          </p>
        </Layout>
      );
    return (
      <ReviewPage
        {...review.props}
        embedded={{
          onEdit: (field) => {
            focusQuestion.current = questionIdOf(field);
            const step = STEP_OF_FIELD[field] ?? 'what';
            show({ step: STEPS.indexOf(step) }, 'push');
          },
          onRemovedChange: (next) => {
            removed.current = next;
            saveDraft({ values, sendToken, removed: next });
          },
        }}
      />
    );
  }

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
      {enhanced && index === STEPS.length - 1 && reviewFailed && (
        <p class="field-error" role="alert">
          {t('form.review_failed')}
        </p>
      )}
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
    <Layout
      title={t('form.title')}
      carry={enhanced ? undefined : { form: 'report-form', path: '/report/edit' }}
      switchSuffix={enhanced ? fragmentOf(view) : undefined}
    >
      <p class="lead">{t('form.intro')}</p>
      {keptNotice && enhanced && (
        <div class="notice draft-notice" role="status">
          <p>{t('form.draft_kept')}</p>
          <button type="button" class="link-button" onClick={startOver}>
            {t('form.draft_discard')}
          </button>
        </div>
      )}
      <ErrorSummary errors={serverErrors} fieldLabel={label} />
      <form
        method="post"
        action={href('/report/review')}
        novalidate={enhanced}
        class="report-form"
        id="report-form"
        // The browser must not bring typed answers back after a quick exit (Back), nor offer them elsewhere.
        autocomplete="off"
        onSubmit={onSubmit}
      >
        {/* A report begun with the assistant stays an assistant report when it is finished in the form. */}
        <Hidden name="channel" value={values.channel} />
        <Hidden name="sendToken" value={sendToken} />
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
 * No autofill: a browser that remembers them would bring them back after a quick exit.
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
