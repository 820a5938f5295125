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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small insert. The same SQL text
 * always gets the same prepared statement back (the app builds a bounded set of query shapes; the cache
 * is bounded anyway). Safe because Kysely only calls `all`/`run`, never keeps an iterator open.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
