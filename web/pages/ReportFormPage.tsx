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
import type { MessageKey } from '../../shared/i18n/translate';
import { Checkbox, ChoiceGroup, ErrorSummary, Hidden, TextArea, type FieldErrors } from '../components/fields';
import { Layout } from '../components/Layout';
import { usePage } from '../components/page-context';
import { STEPS, fieldLabel, placeOptions, type FieldLabel, type Step } from '../components/report-labels';
import { EVIDENCE_TOKEN_FIELD, type EvidenceField as EvidenceFieldState } from '../../shared/evidence';
import { EvidenceField } from '../components/Evidence';
import { ContactFields, NoticeField, WhenFields } from '../report/QuestionGroups';
import { fragmentOf, resumeReportForm, type Resumed } from '../report/resume';
import { useReportFlow } from '../report/use-report-flow';

export interface ReportFormProps {
  values: ReportFormValues;
  errors: FieldErrors;
  /** The one-time token the review screen's send button will carry: made here, kept with the draft. */
  sendToken: string;
  /** A fresh form (fetched with GET): this tab's draft, if there is one, comes back. A posted form brings its own. */
  restore: boolean;
  /** Screenshots, photos and letters: absent when the office takes none. */
  evidence?: EvidenceFieldState;
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
  const { errors: serverErrors } = props;
  const page = usePage();
  const { t, href } = page;
  const flow = useReportFlow(props);
  const { values, errors, sendToken, enhanced, view, current, reviewFailed, headings, go } = flow;
  // Before the script runs, the files are those the server drew; afterwards those of this tab's draft.
  const posted = props.evidence?.upload ?? null;
  const files = enhanced ? flow.evidence.current : posted;
  const set = flow.setValue;
  const options = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as MessageKey) }));
  const label: FieldLabel = (field) => fieldLabel(t, field);

  if (enhanced && view === 'review') {
    if (!flow.review)
      return (
        <Layout title={t('review.title')} switchSuffix="#review">
          <p class="notice" role="status">
            {t('form.review_loading')}
          </p>
        </Layout>
      );
    const { Page, props: review } = flow.review;
    return <Page {...review} embedded={flow.embedded} />;
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
      {flow.keptNotice && enhanced && (
        <div class="notice draft-notice" role="status">
          <p>{t('form.draft_kept')}</p>
          <button type="button" class="link-button" onClick={flow.startOver}>
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
        onSubmit={flow.onSubmit}
        // Without JavaScript, chosen files travel with the form; with it they are uploaded as soon as chosen.
        enctype={props.evidence ? 'multipart/form-data' : undefined}
      >
        {/* A report begun with the assistant stays an assistant report when it is finished in the form. */}
        <Hidden name="channel" value={values.channel} />
        <Hidden name="sendToken" value={sendToken} />
        {/* What the assistant only inferred travels along unseen here; the review screen shows it. */}
        <Hidden name="inferredCodes" value={values.inferredCodes} />
        {files && <Hidden name={EVIDENCE_TOKEN_FIELD} value={files.token} />}
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
            {props.evidence && (
              <EvidenceField
                field={props.evidence}
                files={files?.files ?? []}
                refused={enhanced ? flow.evidence.refused : (posted?.refused ?? [])}
                remove={
                  enhanced ? { onRemove: (id) => void flow.evidence.remove(id) } : { action: href('/report/edit') }
                }
                onFiles={enhanced ? (chosen) => void flow.evidence.add(chosen) : undefined}
                onPick={enhanced ? flow.evidence.prepare : undefined}
                busy={flow.evidence.busy}
                failed={flow.evidence.failed}
              />
            )}
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
            {page.office.reporterNotices && <NoticeField values={values} errors={errors} set={set} />}
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
