import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * STATS_MIN_COUNT: below 3, "<n" would name a single value (the label would publish the count); 5 is the
 * common threshold of German anti-discrimination monitoring.
 */
export const statsMinCount = z.coerce.number().int().min(3, 'must be a whole number of at least 3').max(100).default(5);

const PUBLIC_STATISTICS = 'public_statistics';

/** The admin's switch for the public statistics page, in the database so that every instance agrees. */
export function createStatsSettings(db: Kysely<Database>) {
  return {
    async publicPageEnabled(): Promise<boolean> {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', PUBLIC_STATISTICS)
        .executeTakeFirst();
      return row?.value === 'on';
    },

    /** The switch as a write, to go with its audit row. */
    setPublicPage(enabled: boolean, now: string) {
      return db
        .insertInto('settings')
        .values({ key: PUBLIC_STATISTICS, value: enabled ? 'on' : 'off', updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: enabled ? 'on' : 'off', updated_at: now }));
    },
  };
}
export type StatsSettings = ReturnType<typeof createStatsSettings>;
