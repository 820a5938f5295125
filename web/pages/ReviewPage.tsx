import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { formEntriesOf, type ReportFormValues } from '../../shared/report-form';
import {
  applyRemovals,
  formatRemoved,
  removalPlaceholder,
  reviewDigest,
  wordsKey,
  type Removed,
  type Span,
} from '../../shared/reviewed-text';
import { AnonymisedText } from '../components/AnonymisedText';
import { Checkbox, ErrorSummary, type FieldErrors } from '../components/fields';
import { Layout } from '../components/Layout';
import { ListOf } from '../components/ListOf';
import { ProofOfWork } from '../components/ProofOfWork';
import { usePage } from '../components/page-context';
import { RemoveMore } from '../components/RemoveMore';
import { fieldLabel, placeLabel, questionIdOf } from '../components/report-labels';
import type { MessageKey } from '../../shared/i18n/translate';
import { EVIDENCE_TOKEN_FIELD, type EvidenceField } from '../../shared/evidence';
import { EvidenceList, EvidenceWarning } from '../components/Evidence';
import { saveDraft, type Draft } from '../draft';
import { changedInPage, checkedInPage } from '../in-page';

/** A free text as the anonymiser left it, with its placeholders: the ground the reporter's own marks stand on. */
export interface AnonymisedView {
  text: string;
  placeholders: Span[];
}

export interface ReviewProps {
  values: ReportFormValues;
  texts: { description: AnonymisedView; consequences: AnonymisedView };
  /** Words the reporter removed (kept through a post that returns to this screen). */
  removed: Removed;
  /** An example placeholder in the page's language, e.g. "[Name]". */
  placeholderExample: string;
  sendToken: string;
  errors: FieldErrors;
  /** The text to be stored changed since it was shown (nothing sent), or the person's own edit was checked. */
  notice?: 'changed' | 'edited';
  /** Set in the browser: the review's answers are safe in this tab's draft (see prepareReview). */
  draftKept?: boolean;
  /** Set in the browser: what the person did before the script arrived (consent ticked, a stored text edited). */
  before?: { consent: boolean; edits: Partial<Record<FreeText, string>> };
  /** The report's cleaned files (absent when the office takes none). */
  evidence?: EvidenceField;
  /** Set when the form page shows the review in its place (with JavaScript). */
  embedded?: {
    onEdit: (field: string) => void;
    onRemovedChange: (removed: NonNullable<Draft['removed']>) => void;
    onRemoveEvidence: (id: string) => void;
  };
}

/** Which words a list of removals is for (see `wordsKey`): marks apply only to the same words. */
export function removalKey(texts: ReviewProps['texts']): string {
  const { description: d, consequences: c } = texts;
  return `${wordsKey(d.text, d.placeholders)}:${wordsKey(c.text, c.placeholders)}`;
}

/** A review that came by a post (the assistant's hand-over): from now on it is this tab's draft. */
export function prepareReview(props: ReviewProps): ReviewProps {
  const files = props.evidence?.upload;
  const kept = saveDraft({
    values: props.values,
    sendToken: props.sendToken,
    removed: { key: removalKey(props.texts), removed: props.removed },
    ...(files?.files.length ? { evidence: { token: files.token, files: files.files } } : {}),
  });
  // An edit begun without the script stays an edit (checked by the server); it is not swapped for word taps.
  const edits: Partial<Record<FreeText, string>> = {};
  const description = changedInPage('editedDescription');
  const consequences = changedInPage('editedConsequences');
  if (description !== undefined) edits.description = description;
  if (consequences !== undefined) edits.consequences = consequences;
  return { ...props, draftKept: kept, before: { consent: checkedInPage('consent'), edits } };
}

type FreeText = 'description' | 'consequences';

/**
 * Everything that will be stored, before anything is stored. The form's values travel along as hidden fields,
 * so "change" returns to the form with them and "send" needs no state on the server. The free texts are shown
 * exactly as they will be stored; the person can remove more of them (with JavaScript word by word, without it
 * by editing the text, which is checked again), and the send button carries a digest of what is shown.
 */
export function ReviewPage(props: ReviewProps) {
  const { values, texts, placeholderExample, sendToken, errors, notice, embedded, evidence } = props;
  const files = evidence?.upload ?? null;
  const page = usePage();
  const { t, href } = page;
  const [enhanced, setEnhanced] = useState(embedded !== undefined);
  const [removed, setRemoved] = useState<Removed>(props.removed);
  const [consent, setConsent] = useState(props.before?.consent ?? false);
  const edits = props.before?.edits ?? {};

  useEffect(() => {
    setEnhanced(true);
    if (embedded) {
      document.title = `${t('review.title')} – ${t('app.name')}`;
      document.getElementById('main')?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    } else if (props.draftKept) {
      // This screen came by a post; its address from now on is the form's review, kept in this tab's draft.
      history.replaceState({ report: true }, '', `${href('/report')}#review`);
    }
  }, []);

  const placeholder = removalPlaceholder(t);
  const stored = {
    description: applyRemovals(
      texts.description.text,
      texts.description.placeholders,
      removed.description,
      placeholder,
    ),
    consequences: applyRemovals(
      texts.consequences.text,
      texts.consequences.placeholders,
      removed.consequences,
      placeholder,
    ),
  };
  const digest = reviewDigest(stored.description.text, stored.consequences.text);
  const replaced = texts.description.placeholders.length + texts.consequences.placeholders.length > 0;

  const changeRemoved = (field: FreeText) => (list: number[]) => {
    const next = { ...removed, [field]: list };
    setRemoved(next);
    const entry = { key: removalKey(texts), removed: next };
    if (embedded) embedded.onRemovedChange(entry);
    else
      saveDraft({
        values,
        sendToken,
        removed: entry,
        ...(files?.files.length ? { evidence: { token: files.token, files: files.files } } : {}),
      });
  };

  /** With JavaScript, "change" opens the question in the form kept in this tab; sending stays a plain post. */
  const onSubmit = (event: Event) => {
    const field = ((event as SubmitEvent).submitter as HTMLElement | null)?.dataset.edit;
    if (!enhanced || field === undefined) return;
    event.preventDefault();
    if (embedded) embedded.onEdit(field);
    else window.location.assign(`${href('/report')}#${questionIdOf(field)}`);
  };

  const labels = (prefix: string, codes: string[]) =>
    codes.length ? <ListOf items={codes.map((c) => t(`${prefix}.${c}` as MessageKey))} /> : null;
  const one = (prefix: string, code: string) => (code ? t(`${prefix}.${code}` as MessageKey) : null);
  const contact = [values.contactEmail, values.contactPhone, values.contactLanguage].filter((v) => v.trim());
  const places = [values.municipality && placeLabel(page, values.municipality), values.online && t('place.online')];

  const rows: [string, MessageKey, ComponentChildren][] = [
    ['incidentForms', 'review.incident_forms', labels('incident_form', values.incidentForms)],
    ['whenDate', 'review.when', whenText(values, t)],
    ['municipality', 'review.place', places.some(Boolean) ? <ListOf items={places.filter(isText)} /> : null],
    ['lifeDomain', 'review.life_domain', one('life_domain', values.lifeDomain)],
    ['grounds', 'review.grounds', labels('ground', values.grounds)],
    ['racismForms', 'review.racism_forms', labels('racism_form', values.racismForms)],
    ['reporterRole', 'review.role', one('role', values.reporterRole)],
    ['witnesses', 'review.witnesses', one('witnesses', values.witnesses)],
    ['supportWanted', 'review.support', values.supportWanted ? t('review.yes') : t('review.no')],
  ];

  const freeText = (field: FreeText, title: MessageKey) => {
    const shown = stored[field];
    return (
      <>
        <AnonymisedText text={shown.text} marks={shown.marks} id={`stored-${field}`} />
        {enhanced && edits[field] === undefined ? (
          <RemoveMore
            id={`remove-${field}`}
            label={t(title)}
            text={texts[field].text}
            placeholders={texts[field].placeholders}
            removed={removed[field]}
            placeholder={placeholder}
            onChange={changeRemoved(field)}
          />
        ) : (
          <EditStoredText field={field} label={t(title)} text={edits[field] ?? shown.text} open={!!edits[field]} />
        )}
      </>
    );
  };

  return (
    <Layout
      title={t('review.title')}
      carry={enhanced ? undefined : { form: 'review-form', path: '/report/review' }}
      switchSuffix={enhanced ? '#review' : undefined}
    >
      {notice === 'changed' && (
        <p class="notice warning-notice" role="alert">
          {t('review.changed_notice')}
        </p>
      )}
      {notice === 'edited' && (
        <p class="notice" role="status">
          {t('review.edited_notice')}
        </p>
      )}
      <p class="lead">{t('review.intro')}</p>
      <ErrorSummary errors={errors} fieldLabel={(f) => fieldLabel(t, f)} />
      <form method="post" action={href('/report/send')} id="review-form" autocomplete="off" onSubmit={onSubmit}>
        {formEntriesOf(values).map(([name, value], i) => (
          <input type="hidden" name={name} value={value} key={`${name}-${i}`} />
        ))}
        <input type="hidden" name="sendToken" value={sendToken} />
        <input type="hidden" name="removedDescription" value={formatRemoved(removed.description)} />
        <input type="hidden" name="removedConsequences" value={formatRemoved(removed.consequences)} />
        <input type="hidden" name="reviewed" value={digest} />

        <section class="card" aria-labelledby="review-description-title">
          <h2 id="review-description-title">{t('review.description')}</h2>
          <p class="hint">
            {replaced ? t('review.anonymised_note', { example: placeholderExample }) : t('review.nothing_removed')}
          </p>
          {freeText('description', 'review.description')}
          <EditButton field="description" />
        </section>

        {files && files.files.length > 0 && (
          <section class="card" aria-labelledby="review-evidence-title">
            <h2 id="review-evidence-title">{t('evidence.review_title')}</h2>
            <input type="hidden" name={EVIDENCE_TOKEN_FIELD} value={files.token} />
            <EvidenceWarning id="review-evidence-warning" />
            <EvidenceList
              files={files.files}
              remove={embedded ? { onRemove: embedded.onRemoveEvidence } : { action: href('/report/review') }}
            />
            <EditButton field="evidence" label={t('evidence.review_title')} />
          </section>
        )}

        <section class="card">
          <dl class="summary">
            {rows.map(([field, key, value]) => (
              <div class="summary-row" key={key}>
                <dt>{t(key)}</dt>
                <dd>
                  {value ?? <span class="muted">{t('review.not_answered')}</span>}
                  <EditButton field={field} label={t(key)} />
                </dd>
              </div>
            ))}
            <div class="summary-row">
              <dt>{t('review.consequences')}</dt>
              <dd>
                {texts.consequences.text ? (
                  freeText('consequences', 'review.consequences')
                ) : (
                  <span class="muted">{t('review.not_answered')}</span>
                )}
                <EditButton field="consequences" label={t('review.consequences')} />
              </dd>
            </div>
            {contact.length > 0 && (
              <div class="summary-row">
                <dt>{t('review.contact')}</dt>
                <dd>
                  <span dir="ltr">
                    <ListOf items={contact} />
                  </span>
                  <p class="hint">{t('review.contact_note')}</p>
                  <EditButton field="contactEmail" label={t('review.contact')} />
                </dd>
              </div>
            )}
          </dl>
        </section>

        <InferredCodes codes={values.inferredCodes} />

        <section class="card consent">
          <h2>{t('review.consent_title')}</h2>
          <p id="consent-text">{t('review.consent_text', { office: page.office.name })}</p>
          <Checkbox
            name="consent"
            label={t('review.consent_label')}
            checked={consent}
            required
            error={errors.consent}
            onChange={setConsent}
          />
          <ProofOfWork purpose="report" />
          <p class="actions send-actions">
            <button type="submit" class="button primary" data-once>
              {t('review.send')}
            </button>
          </p>
        </section>
      </form>
    </Layout>
  );
}

/**
 * The reporter's own check without JavaScript: the text as it will be stored, to edit. "Check again" runs it
 * through the anonymiser once more and shows the result; an edit is never sent unchecked.
 */
function EditStoredText({
  field,
  label,
  text,
  open,
}: {
  field: FreeText;
  label: string;
  text: string;
  open?: boolean;
}) {
  const { t, href } = usePage();
  const name = field === 'description' ? 'editedDescription' : 'editedConsequences';
  // Kept as the person types, so that no redraw of the page puts back what the server drew.
  const [value, setValue] = useState(text);
  return (
    <details class="edit-stored" open={open}>
      <summary>{t('review.remove.open')}</summary>
      <div class="field">
        <label for={name}>{label}</label>
        <p class="hint" id={`${name}-hint`}>
          {t('review.edit_text.hint')}
        </p>
        <textarea
          id={name}
          name={name}
          rows={8}
          autocomplete="off"
          aria-describedby={`${name}-hint`}
          value={value}
          onInput={(event) => setValue((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <p class="actions">
        <button type="submit" class="button" formAction={href('/report/review')} formNoValidate>
          {t('review.edit_text.check')}
        </button>
      </p>
    </details>
  );
}

/**
 * What the assistant read from the story and the person did not confirm: shown apart, each with a tick the
 * person can take away; sent only if left ticked, and stored apart from their coding, marked as inferred.
 */
function InferredCodes({ codes }: { codes: string[] }) {
  const { t } = usePage();
  // Held as state, so that a redraw of the page (the consent tick) never ticks again what the person unticked.
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  if (codes.length === 0) return null;
  const labelOf = (pair: string) => {
    const [dimension, code] = pair.split(':');
    return t(`${dimension === 'reporter_role' ? 'role' : dimension}.${code}` as MessageKey);
  };
  return (
    <section class="card inferred" aria-labelledby="inferred-title">
      <h2 id="inferred-title">{t('review.inferred_title')}</h2>
      <p class="hint">{t('review.inferred_hint')}</p>
      {codes.map((pair, i) => (
        <div class="choice single" key={pair}>
          <input
            type="checkbox"
            id={`inferred-${i}`}
            name="inferredCodes"
            value={pair}
            checked={!dropped.has(pair)}
            onChange={(event) => {
              const next = new Set(dropped);
              if ((event.currentTarget as HTMLInputElement).checked) next.delete(pair);
              else next.add(pair);
              setDropped(next);
            }}
          />
          <label for={`inferred-${i}`}>{labelOf(pair)}</label>
        </div>
      ))}
    </section>
  );
}

/**
 * "Change" opens the form at that question: without JavaScript a post of the values to the form, with the
 * question as fragment; with it the form kept in this tab. formnovalidate so the unticked consent does not block.
 */
function EditButton({ field, label }: { field: string; label?: string }) {
  const { t, href } = usePage();
  return (
    <button
      type="submit"
      class="link-button"
      formAction={href(`/report/edit#${questionIdOf(field)}`)}
      formNoValidate
      data-edit={field}
      aria-label={label ? `${t('review.edit')}: ${label}` : undefined}
    >
      {t('review.edit')}
    </button>
  );
}

function isText(value: string | false): value is string {
  return typeof value === 'string' && value !== '';
}

function whenText(v: ReportFormValues, t: ReturnType<typeof usePage>['t']): string | null {
  let text: string | null = null;
  if (v.whenDate) text = v.whenDate.split('-').reverse().join('.');
  else if (v.whenMonth && v.whenYear) text = `${t(`month.${v.whenMonth}` as MessageKey)} ${v.whenYear}`;
  else if (v.whenYear) text = v.whenYear;
  if (v.ongoing) text = text ? `${text} (${t('review.ongoing')})` : t('review.ongoing');
  return text;
}
