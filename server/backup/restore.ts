import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { BackupError, readBackup, type BackupManifest } from './archive';
import { countPostgresReports, postgresEnv } from './database-copy';

export interface RestoreTarget {
  dataDir: string;
  /** `sqlite:PATH` or `postgres://…`, as the server will be started with. */
  databaseUrl: string;
}

/**
 * `npm run restore`: a backup back onto an empty data folder (and, for PostgreSQL, an empty database);
 * anything already there is refused, never overwritten. The file is opened into a private staging folder
 * first and used only once its seal proves it whole and the passphrase right.
 */
export async function restoreBackup(file: string, passphrase: string, target: RestoreTarget): Promise<BackupManifest> {
  const postgres = /^postgres(ql)?:\/\//i.test(target.databaseUrl);
  const databaseFile = postgres ? undefined : path.resolve(target.databaseUrl.replace(/^sqlite:(\/\/)?/, ''));
  if (fs.existsSync(target.dataDir) && fs.readdirSync(target.dataDir).length > 0)
    throw new BackupError(`${target.dataDir} is not empty: restore only onto an empty data folder`);
  if (databaseFile && fs.existsSync(databaseFile)) throw new BackupError(`${databaseFile} exists already`);
  if (postgres && (await postgresHasTables(target.databaseUrl)))
    throw new BackupError('the PostgreSQL database is not empty: restore only into an empty database');

  fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
  const staging = fs.mkdtempSync(path.join(target.dataDir, '.restore-'));
  const copy = path.join(staging, 'database');
  try {
    const manifest = await readBackup(file, passphrase, (m) => {
      if ((m.database.kind === 'postgres') !== postgres)
        throw new BackupError(`this backup holds a ${m.database.kind} database; DATABASE_URL points elsewhere`);
      return fs.createWriteStream(copy, { flags: 'wx', mode: 0o600 });
    });
    if (databaseFile) {
      checkSqlite(copy, manifest);
      fs.mkdirSync(path.dirname(databaseFile), { recursive: true, mode: 0o700 });
      fs.renameSync(copy, databaseFile);
    } else {
      await pgRestore(copy, target.databaseUrl);
      const reports = await countPostgresReports(target.databaseUrl);
      if (reports !== manifest.reports)
        throw new BackupError(`restored ${reports} reports, the backup counted ${manifest.reports}`);
    }
    writeSecret(target.dataDir, 'receipt-secret', manifest.secrets.receiptSecret);
    writeSecret(target.dataDir, 'encryption-key', manifest.secrets.encryptionKey);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function checkSqlite(file: string, manifest: BackupManifest): void {
  const db = new SQLite(file, { readonly: true });
  try {
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new BackupError('the restored database is damaged');
    const { n } = db.prepare('select count(*) as n from reports').get() as { n: number };
    if (n !== manifest.reports) throw new BackupError(`restored ${n} reports, the backup counted ${manifest.reports}`);
  } finally {
    db.close();
  }
}

function writeSecret(dataDir: string, name: string, value: string): void {
  fs.writeFileSync(path.join(dataDir, name), `${value}\n`, { mode: 0o600, flag: 'wx' });
}

async function postgresHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      'select 1 from information_schema.tables where table_schema = current_schema() limit 1',
    );
    return result.rowCount! > 0;
  } finally {
    await client.end();
  }
}

async function pgRestore(file: string, url: string): Promise<void> {
  const env = postgresEnv(url);
  const child = spawn(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', env.PGDATABASE!, file],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  await new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new BackupError(`pg_restore could not start (${error.message})`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`pg_restore failed (${code}): ${errors.trim().slice(0, 300)}`)),
    );
  });
}
