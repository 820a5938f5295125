import { Hono, type Context } from 'hono';
import {
  assigneeSchema,
  codingSchema,
  exportQuerySchema,
  linkSchema,
  noteSchema,
  redactionSchema,
  replySchema,
  statusChangeSchema,
  urgentSchema,
} from '../../shared/staff';
import type { Office } from '../office/schema';
import { actorOf } from '../auth/service';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { parseQuery, positiveIdParam } from '../http/params';
import { noticeKeyFrom, parseStaffForm } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';
import type { ReportPageProps } from '../../web/staff/pages/ReportPage';
import { csvResponse, type CasesRoutesDeps } from './api-routes';

interface Deps extends CasesRoutesDeps {
  renderPage: StaffPageRenderer;
  office: Office;
}

/** The inbox and the report screen as plain HTML: GET to look, POST/redirect/GET to act. */
export function casesPageRoutes({ cases, exportCsv, inboxQuery, renderPage, office }: Deps) {
  const places = office.municipalities;
  const R = '/staff/reports/:id{[0-9]+}';

  /** Runs an action on a report and returns to it with a notice, or with the error when it was refused. */
  const act =
    (notice: string, run: (c: Context<AppEnv>, id: number) => Promise<unknown>) => async (c: Context<AppEnv>) => {
      const id = positiveIdParam(c);
      try {
        await run(c, id);
      } catch (error) {
        if (error instanceof AppError && [409, 422].includes(error.status)) {
          const key = Object.values(error.fields)[0] ?? error.key;
          return c.redirect(`/staff/reports/${id}?error=${encodeURIComponent(key)}`, 303);
        }
        throw error;
      }
      return c.redirect(`/staff/reports/${id}?notice=${notice}`, 303);
    };

  const send = act('notices.reply_sent', async (c, id) => {
    const reply = await parseStaffForm(c, replySchema);
    await cases.reply(actorOf(c.var.staff), id, reply);
  });

  async function reportPage(c: Context<AppEnv>, id: number, draft?: Pick<ReportPageProps, 'reply' | 'preview'>) {
    const view = await cases.view(actorOf(c.var.staff), id);
    return renderPage(
      c,
      'report',
      {
        view,
        staff: await cases.assignableStaff(),
        places,
        notice: noticeKeyFrom(c.req.query('notice')),
        error: noticeKeyFrom(c.req.query('error')),
        ...draft,
      },
      { titleKey: 'report.page_title' },
    );
  }

  return new Hono<AppEnv>()
    .get('/staff/inbox', async (c) => {
      const parsed = inboxQuery.safeParse(
        Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v[0]])),
      );
      const query = parsed.success ? parsed.data : inboxQuery.parse({});
      const errors: Record<string, string> = parsed.success ? {} : { filter: 'errors.filter_invalid' };
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
          places,
          staff: await cases.assignableStaff(),
          errors,
        },
        { titleKey: 'inbox.title', status: parsed.success ? 200 : 422 },
      );
    })
    .get('/staff/inbox.csv', async (c) => {
      const { text } = parseQuery(c, exportQuerySchema);
      return csvResponse(c, await exportCsv(actorOf(c.var.staff), parseQuery(c, inboxQuery), text));
    })
    .get(R, async (c) => reportPage(c, positiveIdParam(c)))
    .post(
      `${R}/status`,
      act('notices.status_changed', async (c, id) => {
        const { status, reason } = await parseStaffForm(c, statusChangeSchema);
        await cases.changeStatus(actorOf(c.var.staff), id, status, reason);
      }),
    )
    .post(
      `${R}/assignee`,
      act('notices.assigned', async (c, id) => {
        const { assigneeId } = await parseStaffForm(c, assigneeSchema);
        await cases.assign(actorOf(c.var.staff), id, assigneeId);
      }),
    )
    .post(
      `${R}/urgent`,
      act('notices.urgent_changed', async (c, id) => {
        const { urgent } = await parseStaffForm(c, urgentSchema);
        await cases.setUrgent(actorOf(c.var.staff), id, urgent);
      }),
    )
    .post(
      `${R}/coding`,
      act('notices.coded', async (c, id) =>
        cases.code(actorOf(c.var.staff), id, await parseStaffForm(c, codingSchema)),
      ),
    )
    .post(
      `${R}/notes`,
      act('notices.note_added', async (c, id) => {
        const { body } = await parseStaffForm(c, noteSchema);
        await cases.addNote(actorOf(c.var.staff), id, body);
      }),
    )
    .post(
      `${R}/links`,
      act('notices.linked', async (c, id) => {
        const { relatedId } = await parseStaffForm(c, linkSchema);
        await cases.link(actorOf(c.var.staff), id, relatedId);
      }),
    )
    .post(
      `${R}/links/:relatedId{[0-9]+}/delete`,
      act('notices.unlinked', (c, id) => cases.unlink(actorOf(c.var.staff), id, positiveIdParam(c, 'relatedId'))),
    )
    .post(
      `${R}/redactions`,
      act('notices.redacted', async (c, id) => {
        const { field, passage, kind } = await parseStaffForm(c, redactionSchema);
        await cases.redact(actorOf(c.var.staff), id, field, passage, kind);
      }),
    )
    .post(`${R}/messages`, async (c) => {
      const id = positiveIdParam(c);
      const fields = await c.req.parseBody();
      if (fields.intent !== 'preview') return send(c);
      // The preview: the report again, with what the reporter will read under the reply, still unsent.
      const parsed = replySchema.safeParse({ phrase: fields.phrase, body: fields.body });
      if (!parsed.success) return send(c);
      const preview = await cases.previewReply(id, parsed.data);
      return reportPage(c, id, { reply: parsed.data, preview });
    })
    .post(
      `${R}/translate`,
      act('notices.translated', async (c, id) => {
        const { failure } = await cases.translateNow(actorOf(c.var.staff), id);
        if (failure) throw new AppError(409, 'errors.translation_failed');
      }),
    );
}
