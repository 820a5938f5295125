import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditEntry } from '../../shared/staff-views';
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

export interface AuditOptions {
  reportId?: number;
  detail?: AuditDetail;
}

/** The audit log: append-only from the app's side; admins read it. */
export function createAuditLog(db: Kysely<Database>, clock: Clock) {
  const row = (actor: Actor, action: string, options: AuditOptions) => ({
    at: clock.now().toISOString(),
    actor_id: actor.id,
    actor_name: actor.name,
    action,
    report_id: options.reportId ?? null,
    detail: JSON.stringify(options.detail ?? {}),
  });

  return {
    /** The entry as a write, for an atomic group: a change and its audit row are written together or not at all. */
    entry(actor: Actor, action: string, options: AuditOptions = {}) {
      return db.insertInto('audit_log').values(row(actor, action, options));
    },

    /**
     * A reading, recorded unless the same person's last entry on the report is younger than `withinMs`:
     * one row per person, report and stretch of work says who read what and when, without a row per click.
     */
    readingEntry(actor: Actor & { id: number }, action: string, reportId: number, withinMs: number) {
      const since = new Date(clock.now().getTime() - withinMs).toISOString();
      const values = row(actor, action, { reportId });
      return db
        .insertInto('audit_log')
        .columns(['at', 'actor_id', 'actor_name', 'action', 'report_id', 'detail'])
        .expression(
          db
            .selectNoFrom((eb) => [
              eb.val(values.at).as('at'),
              // PostgreSQL reads an untyped parameter in a select list as text.
              eb.cast<number>(eb.val(actor.id), 'integer').as('actor_id'),
              eb.val(values.actor_name).as('actor_name'),
              eb.val(values.action).as('action'),
              eb.cast<number>(eb.val(reportId), 'integer').as('report_id'),
              eb.val(values.detail).as('detail'),
            ])
            .where((eb) =>
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('audit_log as recent')
                    .select('recent.id')
                    .where('recent.report_id', '=', reportId)
                    .where('recent.actor_id', '=', actor.id)
                    .where('recent.at', '>', since),
                ),
              ),
            ),
        );
    },

    async record(actor: Actor, action: string, options: AuditOptions = {}) {
      await db
        .insertInto('audit_log')
        .values(row(actor, action, options))
        .execute();
    },

    async list(filter: AuditFilter): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
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
