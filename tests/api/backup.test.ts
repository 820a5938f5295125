import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/dialects';
import { openContact } from '../../server/cases/contacts';
import { createSealer } from '../../server/crypto/sealing';
import { BackupError } from '../../server/backup/archive';
import { makeBackup } from '../../server/backup/backup';
import { restoreBackup } from '../../server/backup/restore';
import { systemClock } from '../../server/clock';
import { hashReceiptCode, normaliseReceiptCode } from '../../server/receipts/code';
import { createPostgresDatabase } from '../helpers/backends';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../helpers/process';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';

const PASSPHRASE = 'the kettle sings before the backup 7';

/** The backup and restore commands as an office runs them, the passphrase in the environment. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `meldestelle-${name}-`));

describe('backup and restore', () => {
  let portal: ServerProcess | undefined;
  let restored: TestServer | undefined;
  afterAll(async () => {
    await portal?.stop('SIGKILL');
    await restored?.close();
  });

  it('restores a backup made while reports arrive, with every report acknowledged before it began', async () => {
    const dataDir = tempDir('live');
    portal = await startServerProcess({ DATA_DIR: dataDir, LLM_ENABLED: 'false' });

    // Reporters keep sending while the backup runs; every fifth leaves contact details for counselling.
    const acknowledged: { receipt: string; at: number; email: string | null }[] = [];
    let sending = true;
    const reporter = async (n: number) => {
      for (let i = 0; sending; i++) {
        const email = i % 5 === 0 ? `person.${n}.${i}@example.org` : null;
        const res = await postJson(
          `${portal!.url}/api/reports`,
          validReport({
            description: `Bericht ${n}-${i}: Im Bus wurde ich beschimpft.`,
            ...(email ? { supportWanted: true, contact: { email } } : {}),
          }),
        );
        expect(res.status).toBe(201);
        acknowledged.push({ receipt: res.json.receipt, at: performance.now(), email });
      }
    };
    const load = Promise.all([1, 2, 3, 4, 5, 6].map(reporter));
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(30);

    const file = path.join(tempDir('backups'), 'office.backup');
    const began = performance.now();
    const backup = await cli(['backup', '--out', file], { DATA_DIR: dataDir, BACKUP_PASSPHRASE: PASSPHRASE });
    const ended = performance.now();
    await new Promise((r) => setTimeout(r, 300));
    sending = false;
    await load;
    await portal.stop();
    expect(backup.output).toMatch(/Backup written: .* \(\d+ reports/);
    expect(backup.code).toBe(0);
    const before = acknowledged.filter((a) => a.at < began);
    const during = acknowledged.filter((a) => a.at >= began && a.at <= ended);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(during.length).toBeGreaterThan(0);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const sealed = fs.readFileSync(file);
    expect(sealed.subarray(0, 19).toString()).toBe('meldestelle-backup ');
    // Sealed: neither the text, nor the secrets, nor a contact can be read in the file.
    const secret = fs.readFileSync(path.join(dataDir, 'receipt-secret'), 'utf8').trim();
    for (const plain of ['Bericht', 'SQLite format', secret, 'person.1.0@example.org'])
      expect(sealed.includes(Buffer.from(plain))).toBe(false);
    // No copy of the database is left beside it.
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('.backup-'))).toEqual([]);

    // The wrong passphrase opens nothing and leaves the folder empty; a changed byte is found; a folder in
    // use is refused (in-process: the same function the command calls).
    const target = tempDir('restored');
    const attempt = (backupFile: string, passphrase: string, dir: string) =>
      restoreBackup(backupFile, passphrase, {
        dataDir: dir,
        databaseUrl: `sqlite:${path.join(dir, 'meldestelle.sqlite')}`,
      });
    await expect(attempt(file, 'not the passphrase at all', target)).rejects.toThrow(
      'wrong passphrase, or the backup file was changed',
    );
    expect(fs.readdirSync(target)).toEqual([]);
    const tampered = path.join(path.dirname(file), 'tampered.backup');
    const bytes = Buffer.from(sealed);
    bytes[Math.floor(bytes.length / 2)]! ^= 1;
    fs.writeFileSync(tampered, bytes);
    await expect(attempt(tampered, PASSPHRASE, target)).rejects.toThrow(BackupError);
    expect(fs.readdirSync(target)).toEqual([]);
    await expect(attempt(file, PASSPHRASE, dataDir)).rejects.toThrow('is not empty');

    const restore = await cli(['restore', file], { DATA_DIR: target, BACKUP_PASSPHRASE: PASSPHRASE });
    expect(restore.output).toMatch(/Restored the backup of \d{4}-\d{2}-\d{2}: \d+ reports/);
    expect(restore.code).toBe(0);
    expect(fs.readdirSync(target).sort()).toEqual(['encryption-key', 'meldestelle.sqlite', 'receipt-secret']);

    // Every report in the copy is one that was acknowledged, whole (codes, sealed contact); every report
    // acknowledged before the backup began is in it.
    const database = openDatabase(`sqlite:${path.join(target, 'meldestelle.sqlite')}`);
    const rows = await database.db.selectFrom('reports').select(['id', 'receipt_hash']).execute();
    const hashOf = (receipt: string) => hashReceiptCode(normaliseReceiptCode(receipt)!, secret);
    const byHash = new Map(acknowledged.map((a) => [hashOf(a.receipt), a]));
    const restoredHashes = new Set(rows.map((r) => r.receipt_hash));
    for (const row of rows) expect(byHash.has(row.receipt_hash)).toBe(true);
    for (const a of before) expect(restoredHashes.has(hashOf(a.receipt))).toBe(true);
    const codes = await database.db.selectFrom('report_codes').select('report_id').distinct().execute();
    expect(codes).toHaveLength(rows.length);
    const sealer = createSealer(fs.readFileSync(path.join(target, 'encryption-key'), 'utf8').trim(), 'report-contact');
    const contacts = await database.db
      .selectFrom('report_contacts')
      .innerJoin('reports', 'reports.id', 'report_contacts.report_id')
      .select(['reports.receipt_hash', 'report_contacts.sealed'])
      .execute();
    expect(contacts.length).toBe(rows.filter((r) => byHash.get(r.receipt_hash)!.email).length);
    for (const c of contacts)
      expect(openContact(sealer, c.receipt_hash, c.sealed)?.email).toBe(byHash.get(c.receipt_hash)!.email);
    await database.close();

    // The portal on the restored folder: a reporter's code still opens the report.
    restored = await startTestServer({ dataDir: target });
    for (const a of before.slice(0, 50)) {
      expect((await postJson(`${restored.url}/api/receipt`, { receipt: a.receipt })).status).toBe(200);
    }
    console.log(
      `backup under load: ${before.length} reports before it began, ${during.length} acknowledged while it ran (${Math.round(ended - began)} ms), ${rows.length} in the copy`,
    );
  }, 180_000);
});

describe.runIf(process.env.TEST_POSTGRES_URL)('backup and restore with PostgreSQL', () => {
  let source: TestServer | undefined;
  let restored: TestServer | undefined;
  let target: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  afterAll(async () => {
    await source?.close();
    await restored?.close();
    await target?.drop();
  });

  it('copies with pg_dump into the sealed file and restores into an empty database only', async () => {
    source = await startTestServer({ backend: 'postgres' });
    const receipts: string[] = [];
    for (let i = 0; i < 5; i++)
      receipts.push(
        (await postJson(`${source.url}/api/reports`, validReport({ description: `Bericht ${i}` }))).json.receipt,
      );
    const file = path.join(tempDir('pg-backups'), 'office.backup');
    const made = await makeBackup(source.config, PASSPHRASE, file, systemClock);
    expect(made.reports).toBe(5);

    target = await createPostgresDatabase();
    const dataDir = path.join(tempDir('pg-restored'), 'data');
    await restoreBackup(file, PASSPHRASE, { dataDir, databaseUrl: target.url });
    // A database with tables is refused, as a full folder is.
    await expect(
      restoreBackup(file, PASSPHRASE, { dataDir: path.join(dataDir, 'again'), databaseUrl: target.url }),
    ).rejects.toThrow('not empty');

    restored = await startTestServer({ dataDir, env: { DATABASE_URL: target.url } });
    for (const receipt of receipts)
      expect((await postJson(`${restored.url}/api/receipt`, { receipt })).status).toBe(200);
  });
});
