/**
 * `npm run bench:submit`: submissions per second and p99 latency of POST /api/reports on the real Node
 * server over SQLite, beside a bare node:http + better-sqlite3 insert of the same rows, in the same run;
 * and over PostgreSQL beside it when TEST_POSTGRES_URL is set (or `--backend postgres`).
 * Loopback only, bounded in time. Options: --seconds N (default 10), --connections N (default 10),
 * --backend sqlite|postgres|both.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { createPostgresDatabase } from '../helpers/backends';
import { freePort, REPO_ROOT, startServerProcess } from '../helpers/process';
import { validReport } from '../helpers/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 10);
const connections = arg('connections', 10);
const body = JSON.stringify(
  validReport({
    description:
      'Im Bus 51 nach Alsdorf hat mich ein Mann beschimpft, weil ich ein Kopftuch trage. Der Fahrer hat nichts gesagt und ist einfach weitergefahren.',
  }),
);

async function load(url: string) {
  const result = await autocannon({
    url: `${url}/api/reports`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  if (result.non2xx || result.errors)
    throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors against ${url}`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

async function bare() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-bench-bare-'));
  const file = path.join(dir, 'bare.sqlite');
  const database = openDatabase(`sqlite:${file}`);
  await migrateToLatest(database);
  await database.close();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('tests', 'bench', 'bare-server.ts'), file, String(port)],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('is running') && resolve()));
  try {
    return await load(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGKILL');
  }
}

async function portal(backend: 'sqlite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-bench-'));
  const pg = backend === 'postgres' ? await createPostgresDatabase() : undefined;
  const server = await startServerProcess({
    DATA_DIR: dir,
    LOG_REQUESTS: 'true',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  });
  try {
    return await load(server.url);
  } finally {
    await server.stop('SIGKILL');
    await pg?.drop();
  }
}

const requested = process.argv.includes('--backend') ? process.argv[process.argv.indexOf('--backend') + 1] : undefined;
const withPostgres =
  requested === 'postgres' || requested === 'both' || (!requested && !!process.env.TEST_POSTGRES_URL);
const withSqlite = requested !== 'postgres';
if (withPostgres && !process.env.TEST_POSTGRES_URL) throw new Error('--backend postgres needs TEST_POSTGRES_URL');

const row = (name: string, r: { rps: number; p99: number; total: number }) =>
  `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms   ${r.total} reports`;
console.log(`POST /api/reports, ${connections} connections, ${seconds} s each, on ${os.cpus().length} cores`);
if (withSqlite) {
  const ours = await portal('sqlite');
  const base = await bare();
  console.log(row('Meldestelle over SQLite (Hono, zod, anonymiser)', ours));
  console.log(row('bare node:http + better-sqlite3, same rows', base));
  console.log(`ratio (ours / bare): ${(ours.rps / base.rps).toFixed(2)}  (target ≥ 0.50)`);
}
if (withPostgres) console.log(row('Meldestelle over PostgreSQL', await portal('postgres')));
