import { Hono } from 'hono';
import {
  emptyFormValues,
  formFieldOf,
  formValuesFromPost,
  submissionInputFromForm,
  type ReportFormValues,
} from '../../shared/report-form';
import { NOTHING_REMOVED, parseRemoved, sameText, type Removed } from '../../shared/reviewed-text';
import type { Locale } from '../../shared/locales';
import type { EvidenceField, EvidenceUpload } from '../../shared/evidence';
import { placeholderFor } from '../anonymiser';
import { evidenceFromPost, readForm, type Posted } from '../evidence/form';
import type { EvidenceService } from '../evidence/service';
import type { AppContext, AppEnv } from '../http/env';
import { AppError, fieldErrorsOf } from '../http/errors';
import type { PageRenderer } from '../http/pages';
import { newOneTimeToken, postedOneTimeToken } from './one-time-token';
import { reviewedTexts, type ReportsService } from './service';
import type { OfficeSchemas } from './submission';

interface Deps {
  reports: ReportsService;
  /** The form's schemas under the office's municipalities as they are now. */
  schemas: OfficeSchemas;
  renderPage: PageRenderer;
  /** Where the portal is reached from outside: the receipt names the address where its code is used. */
  publicBaseUrl: string;
  /** Screenshots, photos and letters; null when the office takes none. */
  evidence: EvidenceService | null;
}

/**
 * The report form as plain HTML posts: form → review → send. No draft is kept on the server between the
 * steps; the values travel in the page, so it works without JavaScript and leaves nothing behind if abandoned.
 * With JavaScript the form asks the review route for JSON and shows the review in its own place.
 */
export function reportFormRoutes({ reports, schemas, renderPage, publicBaseUrl, evidence }: Deps) {
  /** The file field's state for a page: null when the office takes no files. */
  const evidenceField = (upload: EvidenceUpload | null): EvidenceField | null =>
    evidence ? { upload, limits: evidence.limits, kinds: [...evidence.kinds] } : null;

  const form = (
    c: AppContext,
    values: ReportFormValues,
    how: {
      sendToken: string | null;
      restore?: boolean;
      errors?: Record<string, string>;
      evidence?: EvidenceUpload | null;
    },
  ) => {
    const errors = how.errors ?? {};
    const field = evidenceField(how.evidence ?? null);
    const refused = Boolean(field?.upload?.refused.length);
    return renderPage(
      c,
      'report',
      {
        values,
        errors,
        sendToken: how.sendToken ?? newOneTimeToken(),
        restore: how.restore ?? false,
        ...(field ? { evidence: field } : {}),
      },
      { titleKey: 'form.title', switchPath: '/report', status: Object.keys(errors).length || refused ? 422 : 200 },
    );
  };

  /** A post's files: new ones cleaned and staged, a removed one removed, the rest named by the form's token. */
  const postedEvidence = (c: AppContext, body: Posted) =>
    evidence ? evidenceFromPost(c, evidence, body) : Promise.resolve(null);

  const formErrors = (fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([f, key]) => [formFieldOf(f), key]));

  const alreadySent = (c: AppContext, status: 200 | 409) =>
    renderPage(
      c,
      'message',
      { titleKey: 'sent.already_title', bodyKey: 'sent.already_text' },
      {
        titleKey: 'sent.already_title',
        switchPath: '/report/sent',
        historyPath: '/report/sent',
        // Only the answer to the repeated post: a later visit to this address (Forward) may find a new draft.
        forgetDraft: status === 409,
        status,
      },
    );

  return (
    new Hono<AppEnv>()
      .get('/report', (c) => form(c, emptyFormValues, { sendToken: null, restore: true }))
      .post('/report/edit', async (c) => {
        const body = await readForm(c);
        const { values, sendToken } = reviewPost(body, c.var.locale);
        return form(c, values, { sendToken, evidence: await postedEvidence(c, body) });
      })
      .post('/report/review', async (c) => {
        const body = await readForm(c);
        const { values, removed, edited, sendToken } = reviewPost(body, c.var.locale);
        const files = await postedEvidence(c, body);
        const parsed = schemas(c.var.officeSettings.office).draft.safeParse(
          submissionInputFromForm(values, { locale: c.var.locale }),
        );
        if (!parsed.success) {
          const errors = formErrors(fieldErrorsOf(parsed.error));
          if (wantsJson(c)) return c.json({ errors }, 422);
          return form(c, values, { sendToken, errors, evidence: files });
        }
        // A refused file is shown where another can be chosen: on the form, beside its file field.
        if (files?.refused.length && !wantsJson(c)) return form(c, values, { sendToken, evidence: files });
        return review(c, values, removed, sendToken, { ...(edited ? { notice: 'edited' } : {}), evidence: files });
      })
      .post('/report/send', async (c) => {
        const body = await readForm(c);
        const { values, removed, edited, sendToken } = reviewPost(body, c.var.locale);
        // A repeat of a sent form (a reload, Back and Forward, a second tap) stores nothing, whatever it holds.
        if (sendToken && (await reports.alreadySent(sendToken))) return alreadySent(c, 409);
        const consent = body.consent === 'on';
        const files = await postedEvidence(c, body);
        const parsed = schemas(c.var.officeSettings.office).submission.safeParse(
          submissionInputFromForm(values, { locale: c.var.locale, consent }),
        );
        if (!parsed.success) {
          const errors = formErrors(fieldErrorsOf(parsed.error));
          // Only consent missing: stay on the review screen; anything else belongs to the form.
          if (Object.keys(errors).every((f) => f === 'consent'))
            return review(c, values, removed, sendToken, { errors, evidence: files });
          return form(c, values, { sendToken, errors, evidence: files });
        }
        // An edit of the stored text is never sent unchecked: it goes through the anonymiser and is shown again.
        if (edited) return review(c, values, removed, sendToken, { notice: 'edited', evidence: files });
        try {
          const { receipt } = await reports.submitReviewed(
            parsed.data,
            {
              removed,
              digest: typeof body.reviewed === 'string' ? body.reviewed : null,
              sendToken,
              ...(evidence && files?.files.length ? { evidence: () => evidence.prepare(files.token, 'report') } : {}),
            },
            { verified: c.var.intake.verified },
          );
          return renderPage(
            c,
            'sent',
            { receipt, receiptUrl: `${publicBaseUrl}/${c.var.locale}/receipt` },
            {
              titleKey: 'sent.title',
              switchPath: '/receipt',
              historyPath: '/report/sent',
              forgetDraft: true,
              status: 201,
            },
          );
        } catch (error) {
          if (error instanceof AppError && error.key === 'errors.already_sent') return alreadySent(c, 409);
          if (error instanceof AppError && error.key === 'errors.review_changed')
            return review(c, values, NOTHING_REMOVED, sendToken, { notice: 'changed', status: 409, evidence: files });
          if (error instanceof AppError && error.status === 422)
            return form(c, values, { sendToken, errors: formErrors(error.fields), evidence: files });
          throw error;
        }
      })
      // The address a receipt takes in the history once shown: the code itself is never shown twice.
      .get('/report/sent', (c) => alreadySent(c, 200))
      // The addresses of posts, fetched plainly (a bookmark, a history entry): the form, with this tab's draft.
      .get('/report/edit', (c) => c.redirect(`/${c.var.locale}/report`, 303))
      .get('/report/review', (c) => c.redirect(`/${c.var.locale}/report`, 303))
  );

  function review(
    c: AppContext,
    values: ReportFormValues,
    removed: Removed,
    sendToken: string | null,
    extra: {
      errors?: Record<string, string>;
      notice?: 'changed' | 'edited';
      status?: 409;
      evidence?: EvidenceUpload | null;
    } = {},
  ) {
    const locale: Locale = c.var.locale;
    const texts = reviewedTexts(
      { description: values.description.trim(), consequences: values.consequences.trim(), locale },
      removed,
    );
    const errors = extra.errors ?? {};
    const props = {
      values,
      texts: { description: texts.description.anonymised, consequences: texts.consequences.anonymised },
      removed,
      placeholderExample: placeholderFor('name', locale),
      sendToken: sendToken ?? newOneTimeToken(),
      errors,
      ...(extra.notice ? { notice: extra.notice } : {}),
      ...(evidenceField(extra.evidence ?? null) ? { evidence: evidenceField(extra.evidence ?? null)! } : {}),
    };
    if (wantsJson(c)) return c.json({ review: props });
    return renderPage(c, 'review', props, {
      titleKey: 'review.title',
      switchPath: '/report',
      status: extra.status ?? (Object.keys(errors).length ? 422 : 200),
    });
  }
}

/**
 * What a post from the form or the review screen carries: the values, the words the reporter removed, and
 * the one-time token. Without JavaScript the review screen offers the stored texts to edit: an edited text
 * takes the place of the original (the anonymiser runs on it again), and the removals for it are spent.
 */
function reviewPost(body: Posted, locale: Locale) {
  const values = formValuesFromPost(body);
  const removed: Removed = {
    description: parseRemoved(body.removedDescription),
    consequences: parseRemoved(body.removedConsequences),
  };
  let edited = false;
  const editedDescription = body.editedDescription;
  const editedConsequences = body.editedConsequences;
  if (typeof editedDescription === 'string' || typeof editedConsequences === 'string') {
    const shown = reviewedTexts(
      { description: values.description.trim(), consequences: values.consequences.trim(), locale },
      removed,
    );
    if (typeof editedDescription === 'string' && !sameText(editedDescription, shown.description.stored.text)) {
      values.description = editedDescription;
      removed.description = [];
      edited = true;
    }
    if (typeof editedConsequences === 'string' && !sameText(editedConsequences, shown.consequences.stored.text)) {
      values.consequences = editedConsequences;
      removed.consequences = [];
      edited = true;
    }
  }
  return { values, removed, edited, sendToken: postedOneTimeToken(body.sendToken) };
}

function wantsJson(c: AppContext): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}
