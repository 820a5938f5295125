import type { Kysely } from 'kysely';
import type { AuditLogRow, Database } from '../../db/schema';
import type { Clock } from '../clock';

/** Who acted: a staff member, or the server itself (the retention job). */
export type Actor = { id: number; name: string } | { id: null; name: 'system' | string };

/** Ids, codes, counts and flags only: the type keeps free text out of the audit log. */
export type AuditDetail = Record<string, string | number | boolean | null | (string | number)[]>;

export interface AuditFilter {
  action?: string | undefined;
  actor?: number | undefined;
  report?: number | undefined;
  page: number;
}

export const AUDIT_PAGE_SIZE = 100;

/** The audit log: append-only from the app's side; admins read it. */
export function createAuditLog(db: Kysely<Database>, clock: Clock) {
  return {
    async record(actor: Actor, action: string, options: { reportId?: number; detail?: AuditDetail } = {}) {
      await db
        .insertInto('audit_log')
        .values({
          at: clock.now().toISOString(),
          actor_id: actor.id,
          actor_name: actor.name,
          action,
          report_id: options.reportId ?? null,
          detail: JSON.stringify(options.detail ?? {}),
        })
        .execute();
    },

    async list(filter: AuditFilter): Promise<{ entries: AuditLogRow[]; hasMore: boolean }> {
      let query = db.selectFrom('audit_log').selectAll();
      if (filter.action) query = query.where('action', '=', filter.action);
      if (filter.actor) query = query.where('actor_id', '=', filter.actor);
      if (filter.report) query = query.where('report_id', '=', filter.report);
      const rows = await query
        .orderBy('id', 'desc')
        .limit(AUDIT_PAGE_SIZE + 1)
        .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
        .execute();
      return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
