import fs from 'node:fs';
import path from 'node:path';
import { isoDay, systemClock } from '../clock';
import { ConfigError } from '../config';
import { loadConfig } from '../node-config';
import { BackupError } from './archive';
import { makeBackup } from './backup';
import { readPassphrase } from './passphrase';
import { restoreBackup } from './restore';

/**
 * `npm run backup [-- --out FILE]` and `npm run restore -- FILE`, with the same DATA_DIR and DATABASE_URL as
 * the server. The passphrase comes from BACKUP_PASSPHRASE or a prompt, never from the command line.
 */
async function main(command: string | undefined, args: string[]): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
  const databaseUrl = process.env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'meldestelle.sqlite')}`;
  if (command === 'backup') {
    const sqliteFile = /^postgres/i.test(databaseUrl) ? undefined : databaseUrl.replace(/^sqlite:(\/\/)?/, '');
    // Before reading the configuration, which would make new secrets in a wrong folder.
    if (sqliteFile && !fs.existsSync(sqliteFile)) throw new BackupError(`no database at ${sqliteFile} (DATA_DIR?)`);
    const config = loadConfig(process.env);
    const outIndex = args.indexOf('--out');
    const out = outIndex >= 0 ? args[outIndex + 1] : path.join('backups', `meldestelle-${isoDay(new Date())}.backup`);
    if (!out) throw new BackupError('--out needs a file name');
    const passphrase = await readPassphrase({ confirm: true });
    const result = await makeBackup(config, passphrase, out, systemClock);
    console.log(
      `Backup written: ${result.file} (${result.reports} reports, ${(result.bytes / 1e6).toFixed(1)} MB, sealed with the passphrase).\n` +
        'Keep the file and the passphrase apart: whoever has both can read every report.',
    );
    return;
  }
  if (command === 'restore') {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file || !fs.existsSync(file)) throw new BackupError('name the backup file: npm run restore -- FILE');
    const passphrase = await readPassphrase({ confirm: false });
    const manifest = await restoreBackup(file, passphrase, { dataDir, databaseUrl });
    console.log(
      `Restored the backup of ${manifest.createdOn}: ${manifest.reports} reports, with the receipt secret and the encryption key, into ${dataDir}.\n` +
        'Start the portal with this DATA_DIR (and DATABASE_URL); migrations run at start.',
    );
    return;
  }
  throw new BackupError('usage: backup [--out FILE] | restore FILE');
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof BackupError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
