import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ReportFlag } from '../../shared/report-flags';
import { STATUS_TRANSITIONS, type ReportStatus } from '../../shared/taxonomy';

/** The statuses from which a report may still be rejected. */
export const REJECTABLE: readonly ReportStatus[] = (Object.keys(STATUS_TRANSITIONS) as ReportStatus[]).filter((s) =>
  STATUS_TRANSITIONS[s].includes('rejected'),
);

/** Flagged reports and floods of copies, in SQL: reads run on their own, writes go to the service's atomic groups. */
export function createFlaggedRepo(db: Kysely<Database>) {
  return {
    flagOf(id: number) {
      return db.selectFrom('reports').select('flag').where('id', '=', id).executeTakeFirst();
    },

    /** From now on the report counts: only while it still carries the flag that was read. */
    unflag(id: number, was: ReportFlag, now: string) {
      return db
        .updateTable('reports')
        .set({ flag: null, updated_at: now })
        .where('id', '=', id)
        .where('flag', '=', was);
    },

    /** Where each chosen report stands now: its status, its version (the last change) and its contact. */
    states(ids: readonly number[]) {
      return db
        .selectFrom('reports')
        .select((eb) => [
          'id',
          'status',
          'updated_at',
          eb
            .exists(eb.selectFrom('report_contacts').select('report_id').whereRef('report_id', '=', 'reports.id'))
            .as('has_contact'),
        ])
        .where('id', 'in', ids)
        .execute();
    },

    /**
     * Rejected as spam, only while the report is exactly as it was read (status and last change): what someone
     * else changed meanwhile is not overwritten.
     */
    rejectAsSpam(id: number, seen: { status: string; version: string }, today: string, now: string) {
      return db
        .updateTable('reports')
        .set((eb) => ({
          status: 'rejected',
          reject_reason: 'spam',
          closed_on: today,
          updated_at: now,
          acknowledged_on: eb.fn.coalesce('acknowledged_on', eb.val(today)),
        }))
        .where('id', '=', id)
        .where('status', '=', seen.status)
        .where('updated_at', '=', seen.version);
    },

    deleteContact(id: number) {
      return db.deleteFrom('report_contacts').where('report_id', '=', id);
    },

    /** The members of groups of nearly identical texts that can still be rejected, oldest first, up to `limit`. */
    rejectableMembers(groups: readonly number[], limit: number) {
      if (groups.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('reports')
        .select([
          'id',
          'received_on',
          'flag',
          'updated_at',
          (eb) => eb.fn<string>('substr', ['description', eb.val(1), eb.val(160)]).as('excerpt'),
        ])
        .where('text_group', 'in', groups)
        .where('status', 'in', REJECTABLE)
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    /** Chosen single reports that can still be rejected, for the confirmation page. */
    rejectable(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('reports')
        .select([
          'id',
          'received_on',
          'flag',
          'updated_at',
          (eb) => eb.fn<string>('substr', ['description', eb.val(1), eb.val(160)]).as('excerpt'),
        ])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();
    },
  };
}
export type FlaggedRepo = ReturnType<typeof createFlaggedRepo>;
