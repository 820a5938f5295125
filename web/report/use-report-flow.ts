import { useEffect, useRef, useState } from 'preact/hooks';
import type { EvidenceField } from '../../shared/evidence';
import { emptyFormValues, hasAnswers, type ReportFormValues } from '../../shared/report-form';
import type { FieldErrors } from '../components/fields';
import { usePage } from '../components/page-context';
import { STEPS, STEP_OF_FIELD, questionIdOf } from '../components/report-labels';
import { canKeepDraft, clearDraft, newSendToken, saveDraft, type Draft } from '../draft';
import type { ComponentType } from 'preact';
import type { ReviewProps } from '../pages/ReviewPage';
import { addressOf, firstErrorStep, viewFromAddress, type Resumed, type View } from './resume';
import { requestReview } from './review-request';
import { useEvidence, type EvidenceDraft } from './use-evidence';

/**
 * The report form's course with JavaScript: its answers and this tab's draft of them, the step shown (each
 * step an entry in the tab's history, the review too), the review's content from the server, and where the
 * focus goes after a move. The page only draws what this says.
 */
export function useReportFlow(props: {
  values: ReportFormValues;
  errors: FieldErrors;
  sendToken: string;
  restore: boolean;
  resumed?: Resumed | undefined;
  evidence?: EvidenceField | undefined;
}) {
  const { errors: serverErrors, resumed } = props;
  const { t, href } = usePage();
  const [values, setValues] = useState(props.values);
  const [sendToken, setSendToken] = useState(props.sendToken);
  const [errors, setErrors] = useState<FieldErrors>(serverErrors);
  const [enhanced, setEnhanced] = useState(false);
  const [view, setView] = useState<View>(resumed?.view ?? { step: firstErrorStep(serverErrors) });
  const [review, setReview] = useState<{
    key: string;
    props: ReviewProps;
    Page: ComponentType<ReviewProps>;
  } | null>(null);
  const [reviewFailed, setReviewFailed] = useState(false);
  const [keptNotice, setKeptNotice] = useState(resumed?.fromDraft ?? false);
  const removed = useRef<Draft['removed']>(resumed?.removed);
  const posted = props.evidence?.upload;
  const evidence = useEvidence(
    props.evidence,
    resumed?.evidence ?? (posted?.files.length ? { token: posted.token, files: posted.files } : null),
  );
  const kept = (files: EvidenceDraft | null) => (files?.files.length ? { evidence: files } : {});
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
    // A form that came by a post gives up its post only when the tab can keep its answers.
    if (props.restore || canKeepDraft())
      history.replaceState({ report: true }, '', addressOf(formPath, latest.current.view));
    // Back and Forward move between steps (and the review) as between pages.
    const onPop = () => show(viewFromAddress(location.hash, latest.current.values, {}, null).view, 'none');
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!enhanced) return;
    if (hasAnswers(values) || evidence.current?.files.length)
      saveDraft({
        values,
        sendToken,
        ...(removed.current ? { removed: removed.current } : {}),
        ...kept(evidence.current),
      });
    else clearDraft();
  }, [enhanced, values, sendToken, evidence.current]);

  // The review screen's content, fetched whenever it is shown for answers (and files) it was not made for.
  const filesKey = (files: EvidenceDraft | null) => [files?.token ?? null, ...(files?.files.map((f) => f.id) ?? [])];
  const reviewKey = JSON.stringify([values, sendToken, filesKey(evidence.current)]);
  useEffect(() => {
    if (!enhanced || view !== 'review' || review?.key === reviewKey) return;
    let cancelled = false;
    const failed = () => {
      setReviewFailed(true);
      show({ step: STEPS.length - 1 }, 'replace');
    };
    // The review's code comes with its content: a phone on a slow line loads the form first, and fast.
    void Promise.all([
      requestReview(href('/report/review'), values, sendToken, evidence.current?.token ?? null),
      loadReviewPage(),
    ]).then(
      ([answer, { ReviewPage, removalKey }]) => {
        if (cancelled) return;
        if (answer.kind === 'review') {
          const kept = removed.current;
          const fresh = answer.review;
          const restored = kept && kept.key === removalKey(fresh.texts) ? { ...fresh, removed: kept.removed } : fresh;
          setReview({ key: reviewKey, props: restored, Page: ReviewPage });
          setReviewFailed(false);
        } else if (answer.kind === 'invalid') {
          setErrors(answer.errors);
          show({ step: firstErrorStep(answer.errors) }, 'replace');
        } else failed();
      },
      () => {
        if (!cancelled) failed();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [enhanced, view, reviewKey]);

  // On the last step the review is one tap away: its code is fetched ahead, while the person reads.
  useEffect(() => {
    if (enhanced && current === STEPS.length - 1) void loadReviewPage().catch(() => undefined);
  }, [enhanced, current]);

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
    evidence.clear();
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

  /** The review shown in the form's place: "change" opens its question, removed words join the draft. */
  const embedded: NonNullable<ReviewProps['embedded']> = {
    onEdit: (field) => {
      focusQuestion.current = questionIdOf(field);
      const step = STEP_OF_FIELD[field] ?? 'what';
      show({ step: STEPS.indexOf(step) }, 'push');
    },
    onRemovedChange: (next) => {
      removed.current = next;
      saveDraft({ values, sendToken, removed: next, ...kept(evidence.current) });
    },
    /** A file removed on the review screen: gone on the server, and the screen shows the rest at once. */
    onRemoveEvidence: async (id) => {
      const next = await evidence.remove(id);
      setReview((shown) =>
        shown && shown.props.evidence
          ? {
              ...shown,
              key: JSON.stringify([values, sendToken, filesKey(next)]),
              props: {
                ...shown.props,
                evidence: { ...shown.props.evidence, upload: next ? { ...next, refused: [] } : null },
              },
            }
          : shown,
      );
    },
  };

  const setValue =
    <K extends keyof ReportFormValues>(key: K) =>
    (value: ReportFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  return {
    values,
    setValue,
    errors,
    sendToken,
    enhanced,
    view,
    current,
    review: review && review.key === reviewKey ? { props: review.props, Page: review.Page } : null,
    reviewFailed,
    keptNotice,
    headings,
    go,
    startOver,
    onSubmit,
    embedded,
    evidence,
  };
}

function loadReviewPage() {
  return import('../pages/ReviewPage');
}
