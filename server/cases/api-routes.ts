import { Hono, type Context } from 'hono';
import { exportQuerySchema, replySchema, type inboxQuerySchema } from '../../shared/staff';
import { actorOf } from '../auth/service';
import type { AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import { parseQuery, positiveIdParam } from '../http/params';
import type { ReportEntry } from './entry';
import type { InboxExport } from './export';
import type { CasesService } from './service';

export interface CasesRoutesDeps {
  cases: CasesService;
  exportCsv: InboxExport;
  inboxQuery: ReturnType<typeof inboxQuerySchema>;
  entry: ReportEntry;
}

export function csvResponse(c: Context, stream: ReadableStream<Uint8Array>) {
  return c.body(stream, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="meldungen.csv"',
  });
}

/** Case work as JSON: the same service as the pages; what changes a report is declared in ./actions.ts. */
export function casesApiRoutes({ cases, exportCsv, inboxQuery, entry }: CasesRoutesDeps) {
  return (
    new Hono<AppEnv>()
      .get('/api/staff/reports', async (c) =>
        c.json(await cases.inbox(actorOf(c.var.staff), parseQuery(c, inboxQuery))),
      )
      .get('/api/staff/reports/export.csv', async (c) => {
        const { text } = parseQuery(c, exportQuerySchema);
        return csvResponse(c, await exportCsv(actorOf(c.var.staff), parseQuery(c, inboxQuery), text));
      })
      .get('/api/staff/reports/:id{[0-9]+}', async (c) =>
        c.json(await cases.view(actorOf(c.var.staff), positiveIdParam(c))),
      )
      // What the reporter will read of a reply, before it is sent; nothing is stored.
      .post('/api/staff/reports/:id{[0-9]+}/messages/preview', async (c) =>
        c.json(await cases.previewReply(positiveIdParam(c), await parseJsonBody(c, replySchema))),
      )
      .post('/api/staff/reports', async (c) =>
        c.json({ receipt: await entry.store(actorOf(c.var.staff), await parseJsonBody(c, entry.schema)) }, 201),
      )
  );
}
