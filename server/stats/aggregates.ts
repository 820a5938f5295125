import type { TwoWayId } from '../../shared/stats-views';
import { sql, type Kysely } from 'kysely';
import type { AtomicWriter } from '../../db/atomic';
import type { Database } from '../../db/schema';

/** The cross-tables an annual report needs: which dimension gives the rows, which the columns. */
export const PAIRS = {
  ground_life_domain: ['ground', 'life_domain'],
  place_incident_form: ['place', 'incident_form'],
} as const satisfies Record<TwoWayId, readonly [string, string]>;

/** Days recomputed in one atomic write: few round trips on a cold start; D1 binds at most 100 values a statement. */
const DAYS_PER_WRITE = 32;

export interface PeriodSums {
  /** Counted reports in the period. */
  reports: number;
  /** Counted reports per month of receipt ("2025-03"). */
  months: Map<string, number>;
  /** dimension → code → reports carrying it ("_none": none in that dimension). */
  codes: Map<string, Map<string, number>>;
  /** pair → "codeA codeB" → reports carrying both. */
  pairs: Map<string, Map<string, number>>;
}

/**
 * The daily aggregates in SQL: refreshing the days the triggers marked dirty, and summing a date range.
 * Knows the rules only as the view `stats_report_codes` states them (migration 0005).
 */
export function createStatsAggregates(db: Kysely<Database>, atomic: AtomicWriter) {
  /**
   * One atomic write per batch of days: away with their rows, in with freshly counted ones, and off the dirty
   * list only at the version that was read. A write that came in meanwhile bumped the version: the day stays
   * dirty and the next request counts it again.
   */
  async function refreshDays(days: { day: string; version: number }[]) {
    const list = days.map((d) => d.day);
    const pairInserts = Object.entries(PAIRS).map(([pair, [first, second]]) =>
      db
        .insertInto('stats_daily_pairs')
        .columns(['day', 'pair', 'code_a', 'code_b', 'count'])
        .expression(
          db
            .selectFrom('stats_report_codes as a')
            .innerJoin('stats_report_codes as b', (join) =>
              join.onRef('b.report_id', '=', 'a.report_id').onRef('b.day', '=', 'a.day').on('b.dimension', '=', second),
            )
            .select(['a.day', sql.val(pair).as('pair'), 'a.code', 'b.code', (eb) => eb.fn.countAll().as('count')])
            .where('a.day', 'in', list)
            // Said for both sides, so that each reads only these days (a join alone makes SQLite read the whole view).
            .where('b.day', 'in', list)
            .where('a.dimension', '=', first)
            .groupBy(['a.day', 'a.code', 'b.code']),
        )
        // Two instances refreshing the same day at once: the second one's rows are the same counts.
        .onConflict((oc) => oc.doNothing()),
    );
    await atomic([
      db.deleteFrom('stats_daily').where('day', 'in', list),
      db.deleteFrom('stats_daily_pairs').where('day', 'in', list),
      db.deleteFrom('stats_daily_reports').where('day', 'in', list),
      db
        .insertInto('stats_daily')
        .columns(['day', 'dimension', 'code', 'count'])
        .expression(
          db
            .selectFrom('stats_report_codes')
            .select(['day', 'dimension', 'code', (eb) => eb.fn.countAll().as('count')])
            .where('day', 'in', list)
            .groupBy(['day', 'dimension', 'code']),
        )
        .onConflict((oc) => oc.doNothing()),
      ...pairInserts,
      db
        .insertInto('stats_daily_reports')
        .columns(['day', 'reports'])
        .expression(
          db
            .selectFrom('reports')
            .select(['received_on', (eb) => eb.fn.countAll().as('reports')])
            .where('received_on', 'in', list)
            .where('status', '<>', 'rejected')
            .groupBy('received_on'),
        )
        .onConflict((oc) => oc.doNothing()),
      db
        .deleteFrom('stats_dirty_days')
        .where((eb) => eb.or(days.map((d) => eb.and([eb('day', '=', d.day), eb('version', '=', d.version)])))),
    ]);
  }

  return {
    /** Brings every dirty day up to date; returns how many days were counted. */
    async refresh(): Promise<number> {
      let counted = 0;
      // Bounded: under a steady stream of writes a day may stay dirty, and the answer is as fresh as it gets.
      for (let round = 0; round < 3; round++) {
        const dirty = await db.selectFrom('stats_dirty_days').select(['day', 'version']).orderBy('day').execute();
        if (dirty.length === 0) break;
        for (let i = 0; i < dirty.length; i += DAYS_PER_WRITE) await refreshDays(dirty.slice(i, i + DAYS_PER_WRITE));
        counted += dirty.length;
      }
      return counted;
    },

    /** Sums of the daily rows over [from, to] (days of receipt, both included): one GROUP BY per table kind. */
    async sums(from: string, to: string): Promise<PeriodSums> {
      const [days, codes, pairs] = await Promise.all([
        db
          .selectFrom('stats_daily_reports')
          .select([sql<string>`substr(day, 1, 7)`.as('month'), (eb) => eb.fn.sum<number>('reports').as('n')])
          .where('day', '>=', from)
          .where('day', '<=', to)
          .groupBy(sql`substr(day, 1, 7)`)
          .execute(),
        db
          .selectFrom('stats_daily')
          .select(['dimension', 'code', (eb) => eb.fn.sum<number>('count').as('n')])
          .where('day', '>=', from)
          .where('day', '<=', to)
          .groupBy(['dimension', 'code'])
          .execute(),
        db
          .selectFrom('stats_daily_pairs')
          .select(['pair', 'code_a', 'code_b', (eb) => eb.fn.sum<number>('count').as('n')])
          .where('day', '>=', from)
          .where('day', '<=', to)
          .groupBy(['pair', 'code_a', 'code_b'])
          .execute(),
      ]);
      const months = new Map(days.map((d) => [d.month, Number(d.n)]));
      const byDimension = new Map<string, Map<string, number>>();
      for (const row of codes) nested(byDimension, row.dimension).set(row.code, Number(row.n));
      const byPair = new Map<string, Map<string, number>>();
      for (const row of pairs) nested(byPair, row.pair).set(`${row.code_a} ${row.code_b}`, Number(row.n));
      return {
        reports: [...months.values()].reduce((a, b) => a + b, 0),
        months,
        codes: byDimension,
        pairs: byPair,
      };
    },
  };
}
export type StatsAggregates = ReturnType<typeof createStatsAggregates>;

function nested(map: Map<string, Map<string, number>>, key: string) {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}
