import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { migrationsFor } from '../../db/migrations';
import type { Database } from '../../db/schema';
import { createInboxRepo } from '../../server/cases/inbox-repo';
import { createReportTextSearch, searchTerms } from '../../server/cases/search';
import { createStatsAggregates } from '../../server/stats/aggregates';
import { createPostgresDatabase, nodeBackends } from '../helpers/backends';
import { MIGRATION_SEEDS, SEEDED_WORDS, type SchemaAt } from '../helpers/migration-seeds';

/**
 * A database made at every schema version, with the data the app wrote at that version, migrated to the
 * head: every row comes through as it was written, and the app's search and statistics see it.
 */
const MIGRATIONS = Object.keys(migrationsFor('sqlite'));

describe.each(nodeBackends())('migrating to the head on %s', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function freshDatabase(): Promise<OpenedDatabase> {
    if (backend === 'postgres') {
      const postgres = await createPostgresDatabase();
      const database = openDatabase(postgres.url, { poolSize: 2 });
      cleanups.push(async () => {
        await database.close();
        await postgres.drop();
      });
      return database;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-migrate-'));
    const database = openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`);
    cleanups.push(async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return database;
  }

  /** Which columns each table has right now, for seeds written against an older schema. */
  async function schemaOf(db: Kysely<Database>): Promise<SchemaAt> {
    const tables = await db.introspection.getTables();
    const columns = new Set(tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
    return (table, column) => columns.has(`${table}.${column}`);
  }

  it.each(MIGRATIONS.map((name, i) => [name, i]))('from %s, with its data', async (version, index) => {
    const database = await freshDatabase();
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrationsFor(database.kind) },
    });
    const made = await migrator.migrateTo(version as string);
    if (made.error) throw made.error;
    const seeds = MIGRATION_SEEDS.filter((s) => MIGRATIONS.indexOf(s.after) <= (index as number));
    const at = await schemaOf(database.db);
    for (const seed of seeds) await seed.insert(database.db, at);

    const applied = await migrateToLatest(database);
    expect(applied).toEqual(MIGRATIONS.slice((index as number) + 1));
    for (const seed of seeds) await seed.check(database.db, expect);

    // The app finds the migrated reports by their words…
    const search = createReportTextSearch(database.db, database.kind);
    const inbox = createInboxRepo(database.db, search);
    const reports = await database.db.selectFrom('reports').select(['id', 'receipt_hash']).execute();
    for (const { id, receipt_hash } of reports) {
      const rows = await inbox.page({ codes: [], searchTerms: searchTerms(SEEDED_WORDS[receipt_hash]!) }, 1);
      expect(
        rows.map((r) => r.id),
        receipt_hash,
      ).toEqual([id]);
    }
    // …and counts them: every day with a report is aggregated, and the aggregates agree with the rows.
    await createStatsAggregates(database.db, database.atomic).refresh();
    const counted = await database.db
      .selectFrom('stats_daily')
      .select(['day', 'code', 'count'])
      .where('dimension', '=', 'channel')
      .orderBy('day')
      .execute();
    const { rows: expected } = await sql<{ day: string; code: string; count: number }>`
      select received_on as day, channel as code, count(*) as count from reports
       where status <> 'rejected' group by received_on, channel order by received_on`.execute(database.db);
    expect(counted.map((c) => [c.day, c.code, Number(c.count)])).toEqual(
      expected.map((c) => [c.day, c.code, Number(c.count)]),
    );
    // Each seeded report was received on a day of its own.
    expect(counted).toHaveLength(reports.length);
  });
});
