import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { migrationsFor } from '../../db/migrations';
import { createPostgresDatabase, nodeBackends } from '../helpers/backends';
import { fixedClock, postForm, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, STAFF_PASSWORD } from '../helpers/staff';

/** Every value of every column of every table, with where it is, as text. */
async function everyCell(db: Kysely<any>, kind: string): Promise<{ where: string; value: string }[]> {
  const tables =
    kind === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db)
        ).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows;
  const cells: { where: string; value: string }[] = [];
  for (const { name } of tables) {
    // The migrator's own bookkeeping records when the software was installed, not what anyone did.
    if (name.startsWith('kysely_migration')) continue;
    for (const row of (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows)
      for (const [column, value] of Object.entries(row))
        if (value !== null)
          cells.push({
            where: `${name}.${column}`,
            value: String(value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value),
          });
  }
  return cells;
}

describe.each(nodeBackends())('what a reporter causes is kept as a day, on %s', (backend) => {
  // Reporters act at 13:37; staff at other times of day. No trace of 13:37 may be stored anywhere.
  const clock = fixedClock('2026-11-02T08:00:00.000Z');
  const reporterMoments = ['2026-11-02T13:37:42.123Z', '2026-11-03T13:37:05.456Z', '2026-11-04T13:37:59.789Z'];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend, clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores no time of day of sending, a message or a look at the receipt page, in any column', async () => {
    const caseworker = await signedInStaff(server, 'caseworker', 'carla', clock);
    const staffAt = async (iso: string) => {
      clock.set(iso);
      expect((await caseworker.login('carla', STAFF_PASSWORD)).status).toBe(200);
    };

    clock.set(reporterMoments[0]!);
    const sent = await postJson(
      `${server.url}/api/reports`,
      validReport({ supportWanted: true, contact: { email: 'person@example.org' } }),
    );
    expect(sent.status).toBe(201);
    const receipt: string = sent.json.receipt;
    const noScript = await postForm(`${server.url}/de/report/send`, [
      ['description', 'Ohne JavaScript gesendet, im Jobcenter.'],
      ['consent', 'on'],
    ]);
    expect(noScript.status).toBe(201);
    const { id } = await server.database.db.selectFrom('reports').select('id').orderBy('id').executeTakeFirstOrThrow();

    await staffAt('2026-11-02T09:15:00.000Z');
    expect(
      (await caseworker.post(`/api/staff/reports/${id}/messages`, { body: 'Danke für Ihre Meldung.' })).status,
    ).toBe(201);

    clock.set(reporterMoments[1]!);
    const status = await postJson(`${server.url}/api/receipt`, { receipt });
    expect(status.json.messages[0].unread).toBe(true);
    const added = await postJson(`${server.url}/api/receipt/messages`, {
      receipt,
      body: 'Es ging weiter.',
      locale: 'de',
    });
    expect(added.status).toBe(201);

    clock.set(reporterMoments[2]!);
    expect((await postForm(`${server.url}/de/receipt`, [['receipt', receipt]])).status).toBe(200);

    await staffAt('2026-11-04T10:20:00.000Z');
    expect((await caseworker.get(`/api/staff/reports/${id}`)).status).toBe(200);

    const cells = await everyCell(server.database.db, server.backend === 'postgres' ? 'postgres' : 'sqlite');
    expect(cells.length).toBeGreaterThan(50);
    const traces = reporterMoments.flatMap((iso) => {
      const ms = Date.parse(iso);
      return [iso.slice(11, 16), String(ms), String(Math.floor(ms / 1000))];
    });
    const found = cells.filter((c) => traces.some((trace) => c.value.includes(trace)));
    expect(found, 'cells that hold a time of day of what a reporter did').toEqual([]);
    // The days are there: the record keeps what it needs.
    expect(cells.some((c) => c.where === 'reports.updated_at' && c.value === '2026-11-03')).toBe(true);
    expect(cells.some((c) => c.where === 'report_messages.read_at' && c.value === '2026-11-03')).toBe(true);
  });
});

describe.each(nodeBackends())('the migration of times kept before, on %s', (backend) => {
  let database: OpenedDatabase;
  let dropPostgres: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (backend === 'postgres') {
      const pg = await createPostgresDatabase();
      dropPostgres = pg.drop;
      database = openDatabase(pg.url);
    } else {
      database = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-times-')), 'db.sqlite'));
    }
  });
  afterAll(async () => {
    await database?.close();
    await dropPostgres?.();
  });

  it('cuts the times of day of what reporters caused to their day, and keeps the staff’s', async () => {
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrationsFor(database.kind) },
    });
    const before = await migrator.migrateTo('0006_create_statistics');
    expect(before.error).toBeUndefined();
    const db = database.db as Kysely<any>;
    await db
      .insertInto('reports')
      .values({
        receipt_hash: 'h1',
        channel: 'form',
        locale: 'de',
        description: 'Text',
        when_precision: 'unknown',
        received_on: '2025-05-05',
        updated_at: '2025-05-06T13:37:42.123Z',
      })
      .execute();
    const { id } = await db.selectFrom('reports').select('id').executeTakeFirstOrThrow();
    await db
      .insertInto('report_messages')
      .values([
        {
          report_id: id,
          author: 'office',
          body: 'Antwort',
          sent_on: '2025-05-06',
          read_at: '2025-05-07T13:37:00.000Z',
        },
        {
          report_id: id,
          author: 'reporter',
          body: 'Frage',
          sent_on: '2025-05-07',
          read_at: '2025-05-08T09:10:11.000Z',
        },
      ])
      .execute();

    expect(await migrateToLatest(database)).toContain('0007_harden_intake');
    expect(await db.selectFrom('reports').select('updated_at').executeTakeFirstOrThrow()).toEqual({
      updated_at: '2025-05-06',
    });
    const reads = await db.selectFrom('report_messages').select(['author', 'read_at']).orderBy('id').execute();
    expect(reads).toEqual([
      { author: 'office', read_at: '2025-05-07' },
      // When the office read the reporter's message is the staff's own action: it stays exact.
      { author: 'reporter', read_at: '2025-05-08T09:10:11.000Z' },
    ]);

    // And back: the migration can be undone (the days stay days).
    expect((await migrator.migrateTo('0006_create_statistics')).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});
