/**
 * `npm run load:test`: bounded load on loopback against the real Node server.
 *   1. 200 reporters for 60 s: every acknowledged report must be in the database afterwards.
 *   2. The same, with the server killed (SIGKILL) halfway and restarted: every report acknowledged before
 *      the kill, and after the restart, must be there.
 *   3. With TEST_POSTGRES_URL: two app instances on one PostgreSQL database: no report lost, no receipt twice.
 * Options: --reporters N (200), --seconds N (60). Exits non-zero when a report is lost.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/dialects';
import { createPostgresDatabase } from '../helpers/backends';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { countStored, runReporters } from './reporters';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const reporters = arg('reporters', 200);
const seconds = arg('seconds', 60);
let lost = 0;

function report(name: string, acknowledged: string[], failed: number, stored: number, extra = '') {
  const missing = acknowledged.length - stored;
  lost += missing;
  console.log(
    `${name.padEnd(44)} acknowledged ${String(acknowledged.length).padStart(6)}  refused/failed ${String(failed).padStart(5)}  stored ${String(stored).padStart(6)}  lost ${missing}${extra}`,
  );
}

async function plain(kill: boolean) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-load-'));
  const secret = randomBytes(32).toString('hex');
  const env = { DATA_DIR: dataDir, RECEIPT_SECRET: secret };
  let server: ServerProcess = await startServerProcess(env);
  const port = new URL(server.url).port;
  const killer = kill
    ? (async () => {
        await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
        await server.stop('SIGKILL');
        server = await startServerProcess({ ...env, PORT: port });
      })()
    : Promise.resolve();
  const result = await runReporters(() => [server.url], reporters, seconds);
  await killer;
  await server.stop('SIGTERM');
  const database = openDatabase(`sqlite:${path.join(dataDir, 'meldestelle.sqlite')}`);
  const stored = await countStored(database.db, result.acknowledged, secret);
  await database.close();
  report(
    `SQLite, ${reporters} reporters, ${seconds} s${kill ? ', SIGKILL halfway' : ''}`,
    result.acknowledged,
    result.failed,
    stored,
  );
}

async function twoInstancesOnPostgres() {
  const pg = await createPostgresDatabase();
  const secret = randomBytes(32).toString('hex');
  const env = {
    DATABASE_URL: pg.url,
    RECEIPT_SECRET: secret,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-load-pg-')),
  };
  const a = await startServerProcess(env);
  const b = await startServerProcess(env);
  const result = await runReporters(() => [a.url, b.url], reporters, seconds);
  await Promise.all([a.stop(), b.stop()]);
  const database = openDatabase(pg.url);
  const stored = await countStored(database.db, result.acknowledged, secret);
  await database.close();
  await pg.drop();
  const distinct = new Set(result.acknowledged).size;
  lost += result.acknowledged.length - distinct;
  report(
    `PostgreSQL, two instances, ${reporters} reporters`,
    result.acknowledged,
    result.failed,
    stored,
    `  duplicate receipts ${result.acknowledged.length - distinct}`,
  );
}

await plain(false);
await plain(true);
if (process.env.TEST_POSTGRES_URL) await twoInstancesOnPostgres();
if (lost > 0) {
  console.error(`${lost} acknowledged report(s) lost or duplicated`);
  process.exit(1);
}
