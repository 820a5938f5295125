import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guarded } from './atomic';
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
