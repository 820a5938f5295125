import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: 'sqlite';
  close(): Promise<void>;
}

/** `sqlite:./data/x.sqlite` (or a bare path) opens an embedded SQLite file, creating its folder. */
export function openDatabase(url: string): OpenedDatabase {
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (/^[a-z]+:\/\//i.test(file)) {
    throw new Error(`DATABASE_URL: unsupported database "${url.split(':')[0]}". Use sqlite:./data/meldestelle.sqlite`);
  }
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL keeps readers and the writer apart; NORMAL still survives a killed process (not a power cut mid-commit).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}
