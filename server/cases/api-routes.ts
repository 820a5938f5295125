import { Hono, type Context } from 'hono';
import { exportQuerySchema, inboxQuerySchema, replySchema } from '../../shared/staff';
import type { Office } from '../office/schema';
import { placeCodesOf } from '../reports/submission';
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
  /** The inbox's filters under the office's municipalities as they are now. */
  inboxQuery: InboxQueryOf;
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
        c.json(await cases.inbox(actorOf(c.var.staff), parseQuery(c, inboxQuery(c.var.officeSettings.office)))),
      )
      .get('/api/staff/reports/export.csv', async (c) => {
        const { text } = parseQuery(c, exportQuerySchema);
        return csvResponse(
          c,
          await exportCsv(actorOf(c.var.staff), parseQuery(c, inboxQuery(c.var.officeSettings.office)), text),
        );
      })
      .get('/api/staff/reports/:id{[0-9]+}', async (c) =>
        c.json(await cases.view(actorOf(c.var.staff), positiveIdParam(c))),
      )
      // What the reporter will read of a reply, before it is sent; nothing is stored.
      .post('/api/staff/reports/:id{[0-9]+}/messages/preview', async (c) =>
        c.json(await cases.previewReply(positiveIdParam(c), await parseJsonBody(c, replySchema))),
      )
      .post('/api/staff/reports', async (c) =>
        c.json(
          {
            receipt: await entry.store(
              actorOf(c.var.staff),
              await parseJsonBody(c, entry.schemaFor(c.var.officeSettings.office)),
            ),
          },
          201,
        ),
      )
  );
}

/** The inbox's query schema for an office's settings, made once per settings. */
export function inboxQueries() {
  const made = new WeakMap<Office, ReturnType<typeof inboxQuerySchema>>();
  return (office: Office) => {
    let schema = made.get(office);
    if (!schema) {
      schema = inboxQuerySchema(placeCodesOf(office));
      made.set(office, schema);
    }
    return schema;
  };
}
export type InboxQueryOf = ReturnType<typeof inboxQueries>;
