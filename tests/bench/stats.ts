/**
 * `npm run bench:stats [-- --reports 1000000]`: the full annual statistics (every table, the year before,
 * suppression) over generated reports in SQLite. Prints the bulk load, the cold rebuild of the daily
 * aggregates (every day dirty after the load) and the warm request (aggregates current). Prints figures only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { fixedClock } from '../../server/clock';
import { createStatsAggregates } from '../../server/stats/aggregates';
import { createStatsService } from '../../server/stats/service';
import staedteregionAachen from '../../server/office/staedteregion-aachen.json';
import { generatedReports } from '../helpers/generated-reports';

const count = Number(process.argv[process.argv.indexOf('--reports') + 1] || 1_000_000) || 1_000_000;
const municipalities = staedteregionAachen.municipalities.map((m) => m.code);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-bench-stats-'));
const file = path.join(dir, 'bench.sqlite');

const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(2)} s`;

async function main() {
  const opened = openDatabase(`sqlite:${file}`);
  await migrateToLatest(opened);
  await opened.close();

  // The bulk load goes straight through better-sqlite3: Kysely's per-row overhead would dominate the wait.
  let started = performance.now();
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const insertReport = raw.prepare(`insert into reports (receipt_hash, status, channel, locale, description,
      consequences, municipality, online, when_precision, when_value, ongoing, witnesses, support_wanted,
      received_on, updated_at, coded_on, received_via, effective_codes)
    values (@receipt_hash, @status, @channel, @locale, @description, @consequences, @municipality, @online,
      @when_precision, @when_value, @ongoing, @witnesses, @support_wanted, @received_on, @updated_at, @coded_on,
      @received_via, @effective_codes)`);
  const insertCode = raw.prepare('insert into report_codes (report_id, coder, dimension, code) values (?, ?, ?, ?)');
  const load = raw.transaction((batch: ReturnType<typeof generatedReports> extends Iterable<infer T> ? T[] : never) => {
    for (const { row, codes } of batch) {
      const id = insertReport.run(row).lastInsertRowid;
      for (const c of codes) insertCode.run(id, c.coder, c.dimension, c.code);
    }
  });
  let batch = [];
  for (const report of generatedReports(count, { years: [2024, 2025], municipalities })) {
    batch.push(report);
    if (batch.length === 10_000) {
      load(batch);
      batch = [];
    }
  }
  load(batch);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('analyze');
  const dirty = (raw.prepare('select count(*) as n from stats_dirty_days').get() as { n: number }).n;
  raw.close();
  console.log(
    `loaded ${count.toLocaleString('en')} reports over 2024–2025 in ${seconds(started)} (${dirty} dirty days)`,
  );

  const { db, atomic, close } = openDatabase(`sqlite:${file}`);
  const aggregates = createStatsAggregates(db, atomic);
  const stats = createStatsService({
    aggregates,
    settings: async () => ({ placeCodes: municipalities, minCount: 5 }),
    clock: fixedClock('2026-02-01T09:00:00Z'),
  });
  const period = stats.periodOf({ year: 2025 });

  started = performance.now();
  const days = await aggregates.refresh();
  console.log(`cold: rebuilt the daily aggregates of ${days} days in ${seconds(started)}`);

  const timings: number[] = [];
  for (let i = 0; i < 10; i++) {
    started = performance.now();
    const result = await stats.statistics(period, 'published');
    timings.push(performance.now() - started);
    if (i === 0) console.log(`  2025: ${result.reports.current.shown} counted reports, ${result.tables.length} tables`);
  }
  timings.sort((a, b) => a - b);
  console.log(
    `warm: full annual statistics (11 tables, 2025 beside 2024, suppressed) p50 ${timings[5]!.toFixed(0)} ms, max ${timings[9]!.toFixed(0)} ms`,
  );

  // One new report makes its day dirty: the next request recounts that day only.
  await db.updateTable('reports').set({ status: 'rejected' }).where('id', '=', 1).execute();
  started = performance.now();
  await stats.statistics(period, 'published');
  console.log(`after one change: request with one day recounted ${(performance.now() - started).toFixed(0)} ms`);
  await close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
