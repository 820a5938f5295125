import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { compiledWrites, GuardNotMet, transactionalWriter, type AtomicWriter } from './atomic';
import type { Database } from './schema';

/** Which SQL the database speaks: migrations and the few dialect-specific queries (full-text search) ask this. */
export type DialectKind = 'sqlite' | 'postgres' | 'd1';

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: DialectKind;
  atomic: AtomicWriter;
  close(): Promise<void>;
}

/**
 * `sqlite:./data/x.sqlite` (or a bare path) opens an embedded SQLite file, creating its folder;
 * `postgres://user:pass@host/db` opens a connection pool to PostgreSQL.
 */
export function openDatabase(url: string, { poolSize = 10 }: { poolSize?: number } = {}): OpenedDatabase {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, poolSize);
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (/^[a-z0-9+]+:\/\//i.test(file)) {
    throw new Error(
      `DATABASE_URL: unsupported database "${url.split(':')[0]}". Use sqlite:./data/meldestelle.sqlite or postgres://…`,
    );
  }
  if (file !== ':memory:') keepPrivate(file);
  const sqlite = new SQLite(file);
  // WAL keeps readers and the writer apart; NORMAL still survives a killed process (not a power cut mid-commit).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Freed pages are zeroed: text removed by a redaction or by retention must not linger in the file.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  return { db, kind: 'sqlite', atomic: sqliteWriter(sqlite, statements), close: () => db.destroy() };
}

/**
 * The database holds reports: readable by the server's own user only. A folder made here is 0700; the file
 * is created 0600 before SQLite opens it, and SQLite gives its WAL and shared-memory files the file's mode.
 * Files from before are narrowed to 0600 too.
 */
function keepPrivate(file: string) {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder)) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const own of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    if (fs.existsSync(own) && fs.statSync(own).mode & 0o077) fs.chmodSync(own, 0o600);
}

function openPostgres(url: string, poolSize: number): OpenedDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Storage is SSD: a random read costs little more than a sequential one. PostgreSQL's default (4) dates
    // from spinning disks and makes the planner read whole tables instead of the inbox's covering index.
    options: '-c random_page_cost=1.1',
  });
  // An idle connection the server ends (a restart, a failover) is an error on the pool; unhandled, it would
  // end the process. The pool replaces the connection; the next query simply gets a new one.
  pool.on('error', (error: Error & { code?: string }) => {
    console.error(
      JSON.stringify({ level: 'warn', database: 'postgres', idleConnectionLost: error.code ?? error.name }),
    );
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', atomic: transactionalWriter(db), close: () => db.destroy() };
}

/**
 * better-sqlite3 is synchronous: a transaction that runs start to end without awaiting cannot interleave with
 * any other query of this process, so it needs neither Kysely's connection lock nor its promise round trips.
 */
function sqliteWriter(sqlite: SQLite.Database, statements: ReturnType<typeof withStatementCache>): AtomicWriter {
  const runAll = sqlite.transaction((compiled: ReturnType<typeof compiledWrites>) => {
    for (const query of compiled) {
      const { changes } = statements.prepare(query.sql).run(...query.parameters);
      if (query.guarded && changes === 0) throw new GuardNotMet();
    }
  });
  return async (writes) => {
    try {
      runAll(compiledWrites(writes));
      return true;
    } catch (error) {
      if (error instanceof GuardNotMet) return false;
      throw error;
    }
  };
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
