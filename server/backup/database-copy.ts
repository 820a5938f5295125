import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { BackupError } from './archive';

/** A consistent copy of the database, streamed; `done` settles when the copy is complete (or failed). */
export interface DatabaseCopy {
  stream: Readable;
  bytes: number;
  reports: number;
  done: Promise<void>;
}

/**
 * SQLite's online backup API (through better-sqlite3) while the server writes: all pages in one step, under
 * one read transaction, so the copy is the database as of one moment, and the server's writers (WAL) never
 * wait for it. The copy is checked and counted before it is sealed.
 */
export async function copySqlite(databaseFile: string, snapshotFile: string): Promise<DatabaseCopy> {
  const source = new SQLite(databaseFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    await source.backup(snapshotFile, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  fs.chmodSync(snapshotFile, 0o600);
  const copy = new SQLite(snapshotFile, { readonly: true });
  let reports: number;
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy of the database failed its check: ${String(check)}`);
    reports = (copy.prepare('select count(*) as n from reports').get() as { n: number }).n;
  } finally {
    copy.close();
  }
  return {
    stream: fs.createReadStream(snapshotFile),
    bytes: fs.statSync(snapshotFile).size,
    reports,
    done: Promise.resolve(),
  };
}

/** pg_dump and pg_restore find the server through these variables, so that no password is in an argument. */
export function postgresEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    ...(u.searchParams.get('sslmode') ? { PGSSLMODE: u.searchParams.get('sslmode')! } : {}),
  };
}

export async function countPostgresReports(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>('select count(*) as n from reports');
    return Number(result.rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** pg_dump in its custom format: a consistent snapshot (one transaction) while the instances write. */
export async function copyPostgres(url: string): Promise<DatabaseCopy> {
  const reports = await countPostgresReports(url);
  const child = spawn('pg_dump', ['--format=custom', '--no-owner', '--no-privileges'], {
    env: postgresEnv(url),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) =>
      reject(new BackupError(`pg_dump could not start (${error.message}): is it installed?`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`pg_dump failed (${code}): ${errors.trim().slice(0, 300)}`)),
    );
  });
  // Through a stream of our own: the child's pipe is closed when pg_dump exits, with whatever it still held.
  return { stream: child.stdout.pipe(new PassThrough()), bytes: 0, reports, done };
}
