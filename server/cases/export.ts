import type { InboxQuery } from '../../shared/staff';
import type { Actor, AuditLog } from '../audit/log';
import type { Clock } from '../clock';
import { csvHeader, csvRow } from './csv';
import { inboxFilterOf } from './inbox-filter';
import type { InboxRepo } from './inbox-repo';

/**
 * The filtered inbox as CSV: codes and dates; the free text only when asked for. Audited with the filters
 * and the number of rows; the stream is built in batches so a large export does not hold every row at once.
 */
export function createInboxExport({ inbox, audit, clock }: { inbox: InboxRepo; audit: AuditLog; clock: Clock }) {
  return async function exportCsv(
    actor: Actor,
    query: InboxQuery,
    withText: boolean,
  ): Promise<ReadableStream<Uint8Array>> {
    const filter = inboxFilterOf(query, actor, clock.now());
    await audit.record(actor, 'export.csv', {
      detail: {
        text: withText,
        filters: Object.entries(query)
          .filter(([k, v]) => k !== 'page' && k !== 'q' && v !== undefined && v !== false)
          .map(([k, v]) => `${k}=${String(v)}`),
        search: Boolean(query.q),
      },
    });
    const encoder = new TextEncoder();
    const batches = inbox.allMatching(filter, withText);
    let headerSent = false;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
          controller.enqueue(encoder.encode(`\ufeff${csvHeader(withText)}`));
          return;
        }
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((r) => csvRow(r, withText)).join('')));
      },
    });
  };
}
export type InboxExport = ReturnType<typeof createInboxExport>;
