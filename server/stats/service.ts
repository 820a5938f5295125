import type { StatsPeriodQuery } from '../../shared/stats';
import type { Clock } from '../clock';
import type { PeriodSums, StatsAggregates } from './aggregates';
import type { Period, Publication, Statistics, StatisticsTable } from '../../shared/stats-views';
import { publishTable } from './publish';
import { tableSpecs } from './tables';

export interface StatsServiceDeps {
  aggregates: StatsAggregates;
  /** The office's municipality codes, in its order. */
  placeCodes: readonly string[];
  /** Counts from 1 to minCount − 1 are published only as "<minCount" (STATS_MIN_COUNT). */
  minCount: number;
  clock: Clock;
}

/** The annual report's figures: current aggregates, summed for the period and the year before, then published. */
/** Published tables kept for the counts they were made from; a few periods and modes are asked for at a time. */
const REMEMBERED = 8;

export function createStatsService({ aggregates, placeCodes, minCount, clock }: StatsServiceDeps) {
  // Disclosure control solves a linear program per hidden figure and can take seconds for a small office's
  // many small counts. Its result depends on nothing but the counts: the same counts give the same tables,
  // so they are made once and reused until a count changes (every instance checks against the database).
  const remembered = new Map<string, StatisticsTable[]>();
  const publishAll = (key: string, make: () => StatisticsTable[]) => {
    let tables = remembered.get(key);
    if (!tables) {
      tables = make();
      if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, tables);
    }
    return tables;
  };

  return {
    minCount,

    periodOf(query: StatsPeriodQuery): Period {
      if (query.from && query.to) return { from: query.from, to: query.to, year: null };
      const year = query.year ?? clock.now().getUTCFullYear();
      return { from: `${year}-01-01`, to: `${year}-12-31`, year };
    },

    async statistics(period: Period, mode: Publication['mode']): Promise<Statistics> {
      await aggregates.refresh();
      const previous: Period = {
        from: yearEarlier(period.from),
        to: yearEarlier(period.to),
        year: period.year === null ? null : period.year - 1,
      };
      const [current, before] = await Promise.all([
        aggregates.sums(period.from, period.to),
        aggregates.sums(previous.from, previous.to),
      ]);
      const publication: Publication = mode === 'exact' ? { mode } : { mode, minCount };
      const key = JSON.stringify([period, publication, sumsKey(current), sumsKey(before)]);
      const tables = publishAll(key, () =>
        tableSpecs(placeCodes, monthsOf(period)).map((spec) =>
          publishTable(spec, current, before, yearEarlierMonth, publication),
        ),
      );
      const channel = tables.find((t) => t.id === 'channel')!;
      return { period, previous, publication, reports: channel.total, tables };
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;

/** The counts as a stable text: maps in key order. */
function sumsKey(sums: PeriodSums): string {
  const entries = (map: Map<string, unknown>): unknown[] =>
    [...map.keys()].sort().map((k) => {
      const v = map.get(k);
      return [k, v instanceof Map ? entries(v) : v];
    });
  return JSON.stringify([sums.reports, entries(sums.months), entries(sums.codes), entries(sums.pairs)]);
}

/** The same day a year earlier; 29 February becomes 28 February. */
function yearEarlier(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const rest = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4);
  return `${String(year).padStart(4, '0')}${rest}`;
}

function yearEarlierMonth(month: string): string {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, '0')}${month.slice(4)}`;
}

/** The months ("2025-03") the period touches, in order. */
function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const last = period.to.slice(0, 7);
  for (;;) {
    const code = `${year}-${String(month).padStart(2, '0')}`;
    months.push(code);
    if (code >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}
