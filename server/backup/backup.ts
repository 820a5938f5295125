import fs from 'node:fs';
import path from 'node:path';
import { isoDay, type Clock } from '../clock';
import type { Config } from '../config';
import { writeBackup, type BackupManifest } from './archive';
import { copyPostgres, copySqlite, type DatabaseCopy } from './database-copy';

export interface BackupResult {
  file: string;
  reports: number;
  bytes: number;
}

/**
 * `npm run backup`: a consistent copy of the database while the server runs, with the two secrets it needs,
 * sealed with a passphrase into one file. The plain copy of a SQLite database exists only for the moment
 * of sealing, in a private folder inside the data folder (as protected as the database itself).
 */
export async function makeBackup(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'receiptSecret' | 'encryptionKey'>,
  passphrase: string,
  file: string,
  clock: Clock,
): Promise<BackupResult> {
  const postgres = /^postgres(ql)?:\/\//i.test(config.databaseUrl);
  const staging = postgres ? undefined : fs.mkdtempSync(path.join(config.dataDir, '.backup-'));
  try {
    const copy: DatabaseCopy = staging
      ? await copySqlite(config.databaseUrl.replace(/^sqlite:(\/\/)?/, ''), path.join(staging, 'copy.sqlite'))
      : await copyPostgres(config.databaseUrl);
    const manifest: BackupManifest = {
      version: 1,
      createdOn: isoDay(clock.now()),
      database: postgres
        ? { kind: 'postgres', format: 'pg_dump-custom', bytes: copy.bytes }
        : { kind: 'sqlite', format: 'sqlite-file', bytes: copy.bytes },
      secrets: { receiptSecret: config.receiptSecret, encryptionKey: config.encryptionKey },
      reports: copy.reports,
    };
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    await Promise.all([writeBackup(file, passphrase, manifest, copy.stream), copy.done]);
    return { file, reports: copy.reports, bytes: fs.statSync(file).size };
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}
