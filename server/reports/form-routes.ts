import { Hono } from 'hono';
import type { Locale } from '../../shared/locales';
import type { ReportSubmission } from '../../shared/report';
import {
  emptyFormValues,
  formFieldOf,
  formValuesFromPost,
  submissionInputFromForm,
  type ReportFormValues,
} from '../../shared/report-form';
import { findPlaceholders, placeholderFor } from '../anonymiser';
import type { AppContext, AppEnv } from '../http/env';
import { AppError, fieldErrorsOf } from '../http/errors';
import type { PageRenderer } from '../http/pages';
import { prepareForStorage, type ReportsService } from './service';
import type { ReportDraftSchema, ReportSubmissionSchema } from './submission';

interface Deps {
  reports: ReportsService;
  submissionSchema: ReportSubmissionSchema;
  draftSchema: ReportDraftSchema;
  renderPage: PageRenderer;
}

/**
 * The report form as plain HTML posts: form → review → send. No draft is kept on the server between the
 * steps; the values travel in the page, so it works without JavaScript and leaves nothing behind if abandoned.
 */
export function reportFormRoutes({ reports, submissionSchema, draftSchema, renderPage }: Deps) {
  const form = (c: AppContext, values: ReportFormValues, errors: Record<string, string> = {}) =>
    renderPage(
      c,
      'report',
      { values, errors },
      {
        titleKey: 'form.title',
        switchPath: '/report',
        status: Object.keys(errors).length ? 422 : 200,
      },
    );

  const formErrors = (fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([f, key]) => [formFieldOf(f), key]));

  return new Hono<AppEnv>()
    .get('/report', (c) => form(c, emptyFormValues))
    .post('/report/edit', async (c) => form(c, formValuesFromPost(await c.req.parseBody({ all: true }))))
    .post('/report/review', async (c) => {
      const values = formValuesFromPost(await c.req.parseBody({ all: true }));
      const parsed = draftSchema.safeParse(submissionInputFromForm(values, { locale: c.var.locale }));
      if (!parsed.success) return form(c, values, formErrors(fieldErrorsOf(parsed.error)));
      return review(c, values, { ...parsed.data, consent: true });
    })
    .post('/report/send', async (c) => {
      const body = await c.req.parseBody({ all: true });
      const values = formValuesFromPost(body);
      const consent = body.consent === 'on';
      const parsed = submissionSchema.safeParse(submissionInputFromForm(values, { locale: c.var.locale, consent }));
      if (!parsed.success) {
        const errors = formErrors(fieldErrorsOf(parsed.error));
        // Only consent missing: stay on the review screen; anything else belongs to the form.
        if (Object.keys(errors).every((f) => f === 'consent')) {
          const draft = draftSchema.safeParse(submissionInputFromForm(values, { locale: c.var.locale }));
          if (draft.success) return review(c, values, { ...draft.data, consent: true }, errors);
          return form(c, values, { ...errors, ...formErrors(fieldErrorsOf(draft.error)) });
        }
        return form(c, values, errors);
      }
      try {
        const { receipt } = await reports.submit(parsed.data, { verified: c.var.intake.verified });
        return renderPage(c, 'sent', { receipt }, { titleKey: 'sent.title', switchPath: '/receipt', status: 201 });
      } catch (error) {
        if (error instanceof AppError && error.status === 422) return form(c, values, formErrors(error.fields));
        throw error;
      }
    });

  function review(
    c: AppContext,
    values: ReportFormValues,
    submission: ReportSubmission,
    errors: Record<string, string> = {},
  ) {
    const locale: Locale = c.var.locale;
    const stored = prepareForStorage(submission);
    const highlight = (text: string) => ({
      text,
      highlights: findPlaceholders(text, locale).map(({ start, end }) => ({ start, end })),
    });
    return renderPage(
      c,
      'review',
      {
        values,
        stored: { description: highlight(stored.description.text), consequences: highlight(stored.consequences.text) },
        placeholderExample: placeholderFor('name', locale),
        errors,
      },
      { titleKey: 'review.title', switchPath: '/report', status: Object.keys(errors).length ? 422 : 200 },
    );
  }
}
