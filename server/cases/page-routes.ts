import { Hono, type Context } from 'hono';
import { LOCALES } from '../../shared/locales';
import { formFieldOf, formValuesFromPost, submissionInputFromForm } from '../../shared/report-form';
import { exportQuerySchema, spamSelectionSchema } from '../../shared/staff';
import { emptyEntry, type EntrySaved, type EntryValues } from '../../shared/staff-entry';
import { actorOf } from '../auth/service';
import type { AppEnv } from '../http/env';
import { AppError, fieldErrorsOf } from '../http/errors';
import { parseQuery, positiveIdParam } from '../http/params';
import { prepareForStorage } from '../reports/service';
import { noticeKeyFrom } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';
import type { EvidenceUpload, StaffEvidenceFile } from '../../shared/evidence';
import { replySchema, type Reply } from '../../shared/staff';
import type { ReplyPreview } from '../../shared/case-views';
import { evidenceFromPost, readForm } from '../evidence/form';
import { parseStaffForm } from '../staff/forms';
import { csvResponse, type CasesRoutesDeps } from './api-routes';
import type { FlaggedWork } from './flagged';

interface Deps extends CasesRoutesDeps {
  flagged: FlaggedWork;
  renderPage: StaffPageRenderer;
  /** A report's files for its screen (server/evidence/staff-routes.ts); absent where no store is set up. */
  evidenceOf?: ((reportId: number) => Promise<StaffEvidenceFile[]>) | undefined;
}

/**
 * The inbox, the report screen and the entry form as plain HTML. What the report screen's forms change is
 * declared in ./actions.ts (post/redirect/get back here).
 */
export function casesPageRoutes({ cases, flagged, exportCsv, inboxQuery, entry, renderPage, evidenceOf }: Deps) {
  // The municipalities as an admin set them now.
  const placesOf = (c: Context<AppEnv>) => c.var.officeSettings.office.municipalities;

  const entryPage = (
    c: Context<AppEnv>,
    props: { values: EntryValues; errors: Record<string, string>; saved?: EntrySaved; upload?: EvidenceUpload | null },
    status: 200 | 201 | 422 = 200,
  ) => {
    const { upload = null, ...rest } = props;
    const { evidence } = entry;
    const field = evidence ? { upload, limits: evidence.limits, kinds: [...evidence.kinds] } : undefined;
    return renderPage(
      c,
      'reportEntry',
      { ...rest, places: placesOf(c), locales: [...LOCALES], ...(field ? { evidence: field } : {}) },
      { titleKey: 'entry.title', status },
    );
  };

  async function reportPage(
    c: Context<AppEnv>,
    id: number,
    draft?: { reply: Pick<Reply, 'phrase' | 'body'>; preview: ReplyPreview },
  ) {
    const view = await cases.view(actorOf(c.var.staff), id);
    return renderPage(
      c,
      'report',
      {
        view,
        staff: await cases.assignableStaff(),
        places: placesOf(c),
        ...(evidenceOf ? { evidence: await evidenceOf(view.report.id) } : {}),
        notice: noticeKeyFrom(c.req.query('notice')),
        error: noticeKeyFrom(c.req.query('error')),
        ...draft,
      },
      { titleKey: 'report.page_title' },
    );
  }

  return (
    new Hono<AppEnv>()
      .get('/staff/inbox', async (c) => {
        const { notice, error, changed, ...filters } = c.req.query();
        const parsed = inboxQuery(c.var.officeSettings.office).safeParse(filters);
        const query = parsed.success ? parsed.data : inboxQuery(c.var.officeSettings.office).parse({});
        const errors: Record<string, string> = parsed.success ? {} : { filter: 'errors.filter_invalid' };
        const flash = {
          notice: noticeKeyFrom(notice),
          ...(noticeKeyFrom(error) ? { errors: { ...errors, action: noticeKeyFrom(error)! } } : {}),
          // After a refused bulk rejection: the reports someone else changed meanwhile.
          changed: (changed ?? '')
            .split(',')
            .filter((id) => /^[1-9][0-9]{0,9}$/.test(id))
            .slice(0, 200)
            .map(Number),
        };
        const result = await cases.inbox(actorOf(c.var.staff), query);
        const filterQuery = new URLSearchParams(
          Object.entries(query)
            .filter(([k, v]) => k !== 'page' && v !== undefined && v !== false)
            .map(([k, v]) => [k, v === true ? '1' : String(v)]),
        ).toString();
        return renderPage(
          c,
          'inbox',
          {
            ...result,
            query,
            filterQuery,
            places: placesOf(c),
            staff: await cases.assignableStaff(),
            errors,
            ...flash,
          },
          { titleKey: 'inbox.title', status: parsed.success ? 200 : 422 },
        );
      })
      // The confirmation before a bulk rejection: what the inbox's checkboxes chose, as it is now. A GET, so
      // that it works without JavaScript from the inbox's form and changes nothing.
      .get('/staff/inbox/spam', async (c) => {
        const parsed = spamSelectionSchema.safeParse({
          reports: c.req.queries('reports'),
          group: c.req.queries('group'),
        });
        // Nothing ticked, or nothing of it left to reject: back to the inbox, which says so.
        const back = (key: string) => c.redirect(`/staff/inbox?error=${key}`, 303);
        if (!parsed.success) {
          const fields = fieldErrorsOf(parsed.error);
          if (fields.reports === 'errors.spam_none_selected') return back(fields.reports);
          throw new AppError(422, 'errors.validation', fields);
        }
        const { candidates, more } = await flagged.spamCandidates(parsed.data);
        if (candidates.length === 0) return back('errors.reports_changed');
        return renderPage(c, 'spamConfirm', { candidates, more }, { titleKey: 'spam.title' });
      })
      .get('/staff/inbox.csv', async (c) => {
        const { text } = parseQuery(c, exportQuerySchema);
        return csvResponse(
          c,
          await exportCsv(actorOf(c.var.staff), parseQuery(c, inboxQuery(c.var.officeSettings.office)), text),
        );
      })
      .get('/staff/reports/:id{[0-9]+}', async (c) => reportPage(c, positiveIdParam(c)))
      // The preview: the report again, with what the reporter will read under the reply; nothing is stored.
      .post('/staff/reports/:id{[0-9]+}/messages/preview', async (c) => {
        const id = positiveIdParam(c);
        const reply = await parseStaffForm(c, replySchema);
        return reportPage(c, id, { reply, preview: await cases.previewReply(id, reply) });
      })
      .get('/staff/reports/new', (c) => entryPage(c, { values: emptyEntry, errors: {} }))
      .post('/staff/reports/new', async (c) => {
        const { _csrf: _, ...body } = await readForm(c);
        const upload = entry.evidence ? await evidenceFromPost(c, entry.evidence, body) : null;
        const values: EntryValues = {
          ...formValuesFromPost(body),
          locale: typeof body.locale === 'string' ? body.locale : 'de',
          receivedVia: typeof body.receivedVia === 'string' ? body.receivedVia : '',
          receipt: body.receipt === 'on',
          consent: body.consent === 'on',
        };
        const { channel: _channel, ...input } = submissionInputFromForm(values, {
          locale: values.locale,
          consent: values.consent,
        });
        const parsed = entry.schemaFor(c.var.officeSettings.office).safeParse({
          ...input,
          receivedVia: values.receivedVia || undefined,
          receipt: values.receipt,
        });
        if (!parsed.success) {
          // The form keeps what was typed, each error beside its field.
          const errors = Object.fromEntries(
            Object.entries(fieldErrorsOf(parsed.error)).map(([field, key]) => [formFieldOf(field), key]),
          );
          return entryPage(c, { values, errors, upload }, 422);
        }
        // A refused file is named beside the file field; the report waits until the caseworker has decided.
        if (upload?.refused.length) return entryPage(c, { values, errors: {}, upload }, 422);
        const receipt = await entry.store(actorOf(c.var.staff), parsed.data, upload);
        const stored = prepareForStorage({ ...parsed.data, channel: 'form' }).description.text;
        return entryPage(c, { values: emptyEntry, errors: {}, saved: { receipt, description: stored } }, 201);
      })
  );
}
