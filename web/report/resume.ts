import {
  emptyFormValues,
  formValuesFromPost,
  hasAnswers,
  sameAnswer,
  type ReportFormValues,
} from '../../shared/report-form';
import { STEPS, STEP_OF_FIELD, type Step } from '../components/report-labels';
import type { FieldErrors } from '../components/fields';
import { loadDraft, type Draft } from '../draft';

/** Where the form stands: one of its steps, or the review screen shown in its place. */
export type View = { step: number } | 'review';

/** What the browser knows before hydrating the form, and the server cannot: see `resumeReportForm`. */
export interface Resumed {
  /** The answers came back from this tab's draft: the page says so and offers to start over. */
  fromDraft: boolean;
  view: View;
  /** The question to focus (`q-when`), when the address named one. */
  focus?: string;
  removed?: Draft['removed'];
  /** The report's cleaned files, from this tab's draft. */
  evidence?: Draft['evidence'];
}

/**
 * The form as the person left it, read before hydration: the tab's draft (for a fresh form, fetched with GET;
 * a posted form brings its own values), then whatever was typed or ticked before the script ran, which wins
 * over both, and the step from the address (`#step-when`, `#q-lifeDomain`, `#review`) or from where the
 * person is typing.
 */
export function resumeReportForm(props: {
  values: ReportFormValues;
  errors: FieldErrors;
  sendToken: string;
  restore: boolean;
}): { values: ReportFormValues; sendToken: string; resumed: Resumed } {
  const form = document.getElementById('report-form') as HTMLFormElement | null;
  const draft = props.restore ? loadDraft() : null;
  const fromDraft = draft !== null && (hasAnswers(draft.values) || Boolean(draft.evidence?.files.length));
  let values = fromDraft ? draft.values : props.values;
  if (form) values = withTyped(values, props.values, valuesIn(form));
  const sendToken = fromDraft ? draft.sendToken : props.sendToken;
  return {
    values,
    sendToken,
    resumed: {
      fromDraft,
      ...viewFromAddress(location.hash, values, props.errors, form),
      ...(draft?.removed && fromDraft ? { removed: draft.removed } : {}),
      ...(draft?.evidence && fromDraft ? { evidence: draft.evidence } : {}),
    },
  };
}

/** The form's fields as they are in the page right now. */
export function valuesIn(form: HTMLFormElement): ReportFormValues {
  const posted: Record<string, string[]> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') (posted[name] ??= []).push(value);
  return formValuesFromPost(posted);
}

/** Every field the person changed in the page (it differs from what the server drew) keeps that change. */
function withTyped(values: ReportFormValues, drawn: ReportFormValues, typed: ReportFormValues): ReportFormValues {
  const result = { ...values };
  for (const key of Object.keys(emptyFormValues) as (keyof ReportFormValues)[]) {
    if (!sameAnswer(typed[key], drawn[key])) (result as Record<string, unknown>)[key] = typed[key];
  }
  return result;
}

export function viewFromAddress(
  hash: string,
  values: ReportFormValues,
  errors: FieldErrors,
  form: HTMLFormElement | null,
): { view: View; focus?: string } {
  const target = decodeURIComponent(hash.replace(/^#/, ''));
  if (target === 'review') return values.description.trim() ? { view: 'review' } : { view: { step: 0 } };
  if (target.startsWith('step-')) {
    const index = STEPS.indexOf(target.slice(5) as Step);
    if (index >= 0) return { view: { step: index } };
  }
  if (target.startsWith('q-')) {
    const step = stepOfElement(document.getElementById(target)) ?? STEP_OF_FIELD[target.slice(2)];
    if (step) return { view: { step: STEPS.indexOf(step) }, focus: target };
  }
  // Someone typing while the script arrived stays in the step they are typing in.
  const typing = stepOfElement(document.activeElement);
  if (typing && form?.contains(document.activeElement)) return { view: { step: STEPS.indexOf(typing) } };
  return { view: { step: firstErrorStep(errors) } };
}

export function firstErrorStep(errors: FieldErrors): number {
  const index = STEPS.findIndex((s) => Object.keys(errors).some((f) => STEP_OF_FIELD[f] === s));
  return Math.max(0, index);
}

function stepOfElement(element: Element | null): Step | undefined {
  const id = element?.closest('section.step')?.id;
  const step = id?.replace(/^step-/, '') as Step | undefined;
  return step && STEPS.includes(step) ? step : undefined;
}

/** The address of a view: the form's own path, with the step or the review as fragment. */
export function addressOf(path: string, view: View): string {
  if (view === 'review') return `${path}#review`;
  return view.step === 0 ? path : `${path}#step-${STEPS[view.step]}`;
}

export function fragmentOf(view: View): string {
  if (view === 'review') return '#review';
  return view.step === 0 ? '' : `#step-${STEPS[view.step]}`;
}
