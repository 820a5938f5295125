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
  type inboxQuerySchema,
} from '../../shared/staff';
import { actorOf } from '../auth/service';
import type { AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import { parseQuery, positiveIdParam } from '../http/params';
import type { InboxExport } from './export';
import type { CasesService } from './service';

export interface CasesRoutesDeps {
  cases: CasesService;
  exportCsv: InboxExport;
  inboxQuery: ReturnType<typeof inboxQuerySchema>;
}

export function csvResponse(c: Context, stream: ReadableStream<Uint8Array>) {
  return c.body(stream, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="meldungen.csv"',
  });
}

/** Case work as JSON: the same service as the pages. */
export function casesApiRoutes({ cases, exportCsv, inboxQuery }: CasesRoutesDeps) {
  const R = '/api/staff/reports/:id{[0-9]+}';
  return new Hono<AppEnv>()
    .get('/api/staff/reports', async (c) => c.json(await cases.inbox(actorOf(c.var.staff), parseQuery(c, inboxQuery))))
    .get('/api/staff/reports/export.csv', async (c) => {
      const { text } = parseQuery(c, exportQuerySchema);
      return csvResponse(c, await exportCsv(actorOf(c.var.staff), parseQuery(c, inboxQuery), text));
    })
    .get(R, async (c) => c.json(await cases.view(actorOf(c.var.staff), positiveIdParam(c))))
    .post(`${R}/status`, async (c) => {
      const { status, reason } = await parseJsonBody(c, statusChangeSchema);
      await cases.changeStatus(actorOf(c.var.staff), positiveIdParam(c), status, reason);
      return c.json({ status });
    })
    .post(`${R}/assignee`, async (c) => {
      const { assigneeId } = await parseJsonBody(c, assigneeSchema);
      await cases.assign(actorOf(c.var.staff), positiveIdParam(c), assigneeId);
      return c.json({ assigneeId });
    })
    .post(`${R}/urgent`, async (c) => {
      const { urgent } = await parseJsonBody(c, urgentSchema);
      await cases.setUrgent(actorOf(c.var.staff), positiveIdParam(c), urgent);
      return c.json({ urgent });
    })
    .post(`${R}/coding`, async (c) => {
      await cases.code(actorOf(c.var.staff), positiveIdParam(c), await parseJsonBody(c, codingSchema));
      return c.json({ coded: true });
    })
    .post(`${R}/notes`, async (c) => {
      const { body } = await parseJsonBody(c, noteSchema);
      await cases.addNote(actorOf(c.var.staff), positiveIdParam(c), body);
      return c.json({ added: true }, 201);
    })
    .post(`${R}/links`, async (c) => {
      const { relatedId } = await parseJsonBody(c, linkSchema);
      await cases.link(actorOf(c.var.staff), positiveIdParam(c), relatedId);
      return c.json({ linked: relatedId }, 201);
    })
    .delete(`${R}/links/:relatedId{[0-9]+}`, async (c) => {
      await cases.unlink(actorOf(c.var.staff), positiveIdParam(c), positiveIdParam(c, 'relatedId'));
      return c.json({ unlinked: true });
    })
    .post(`${R}/redactions`, async (c) => {
      const { field, passage, kind } = await parseJsonBody(c, redactionSchema);
      return c.json(await cases.redact(actorOf(c.var.staff), positiveIdParam(c), field, passage, kind));
    })
    .post(`${R}/messages`, async (c) => {
      const reply = await parseJsonBody(c, replySchema);
      if (reply.intent === 'preview') return c.json(await cases.previewReply(positiveIdParam(c), reply));
      await cases.reply(actorOf(c.var.staff), positiveIdParam(c), reply);
      return c.json({ sent: true }, 201);
    })
    .post(`${R}/translate`, async (c) => c.json(await cases.translateNow(actorOf(c.var.staff), positiveIdParam(c))));
}
