import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { guarded } from './atomic';
import { d1BatchWriter, type D1Binding } from './d1';
import { openDatabase, type OpenedDatabase } from './dialects';
import { migrateToLatest } from './migrate';

describe('atomic writes on SQLite', () => {
  let database: OpenedDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-atomic-'));
    database = openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`);
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const setting = (key: string, value: string) =>
    database.db.insertInto('settings').values({ key, value, updated_at: '2026-01-01T00:00:00.000Z' });
  const settings = () => database.db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();

  it('writes every statement when each guard changes a row', async () => {
    expect(await database.atomic([setting('a', '1')])).toBe(true);
    const applied = await database.atomic([
      guarded(database.db.updateTable('settings').set({ value: '2' }).where('key', '=', 'a').where('value', '=', '1')),
      setting('b', '1'),
    ]);
    expect(applied).toBe(true);
    expect(await settings()).toEqual([
      { key: 'a', value: '2' },
      { key: 'b', value: '1' },
    ]);
  });

  it('writes nothing when a guard finds nothing to change, and says so', async () => {
    const applied = await database.atomic([
      setting('c', '1'),
      guarded(database.db.updateTable('settings').set({ value: '3' }).where('key', '=', 'a').where('value', '=', '1')),
    ]);
    expect(applied).toBe(false);
    expect((await settings()).map((s) => s.key)).toEqual(['a', 'b']);
  });

  it('writes nothing when a statement fails, and passes the error on', async () => {
    await expect(database.atomic([setting('d', '1'), setting('a', 'again')])).rejects.toThrow(/UNIQUE/);
    expect((await settings()).map((s) => s.key)).toEqual(['a', 'b']);
  });
});

/**
 * D1's batch, played by SQLite (which D1 is): statements run in order in one transaction, and the first that
 * fails undoes them all. The writer adds a check after each guarded statement that fails when it changed
 * nothing.
 */
function sqliteAsD1(sqlite: SQLite.Database): D1Binding {
  const statement = (sql: string, params: unknown[] = []) => ({
    sql,
    params,
    bind: (...values: unknown[]) => statement(sql, values),
    all: async () => {
      const prepared = sqlite.prepare(sql);
      if (prepared.reader) return { results: prepared.all(...params), meta: {} };
      const { changes } = prepared.run(...params);
      return { results: [], meta: { changes } };
    },
  });
  return {
    prepare: (sql) => statement(sql),
    batch: async (statements) =>
      sqlite.transaction(() =>
        statements.map((s) => {
          const { sql, params } = s as unknown as { sql: string; params: unknown[] };
          const prepared = sqlite.prepare(sql);
          return prepared.reader ? prepared.all(...params) : prepared.run(...params);
        }),
      )(),
  };
}

describe("atomic writes on D1's batch", () => {
  let dir: string;
  let database: OpenedDatabase;
  let sqlite: SQLite.Database;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-atomic-d1-'));
    database = openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`);
    await migrateToLatest(database);
    sqlite = new SQLite(path.join(dir, 'db.sqlite'));
  });
  afterAll(async () => {
    sqlite.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing when a guard finds nothing to change, and everything when it does', async () => {
    const atomic = d1BatchWriter(sqliteAsD1(sqlite));
    const db = database.db;
    const put = (key: string) => db.insertInto('settings').values({ key, value: '1', updated_at: 'now' });
    const flip = (from: string, to: string) =>
      guarded(db.updateTable('settings').set({ value: to }).where('key', '=', 'x').where('value', '=', from));
    expect(await atomic([put('x')])).toBe(true);
    expect(await atomic([flip('1', '2'), put('y')])).toBe(true);
    expect(await atomic([flip('1', '3'), put('z')])).toBe(false);
    const rows = sqlite.prepare('select key, value from settings order by key').all();
    expect(rows).toEqual([
      { key: 'x', value: '2' },
      { key: 'y', value: '1' },
    ]);
  });
});
