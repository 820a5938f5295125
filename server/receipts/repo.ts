import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SharedFailureCount } from './throttle';

/** The global count of wrong receipt codes per time window, shared by every instance through the database. */
export function createSharedFailureCount(db: Kysely<Database>): SharedFailureCount {
  return {
    async failures(windowStart) {
      const row = await db
        .selectFrom('receipt_failure_windows')
        .select('failures')
        .where('window_start', '=', windowStart)
        .executeTakeFirst();
      return Number(row?.failures ?? 0);
    },
    async add(windowStart) {
      await db
        .insertInto('receipt_failure_windows')
        .values({ window_start: windowStart, failures: 1 })
        .onConflict((oc) =>
          oc.column('window_start').doUpdateSet({ failures: sql`receipt_failure_windows.failures + 1` }),
        )
        .execute();
      await db.deleteFrom('receipt_failure_windows').where('window_start', '<', windowStart).execute();
    },
  };
}
