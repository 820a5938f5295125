/**
 * `npm run bench:inbox`: p50/p95 latency of a filtered inbox page and of a full-text search through HTTP,
 * over 100 000 generated reports (written straight into the database). Loopback only, bounded.
 * Options: --backend sqlite|postgres (default: both when TEST_POSTGRES_URL is set), --reports N,
 * --requests N (per kind), --load N (measure again while N clients keep the server busy: reporters sending
 * reports, caseworkers filtering and searching), --verbose (mean per query).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { effectiveCodesText, GROUNDS, LIFE_DOMAINS, RACISM_FORMS, REPORT_STATUSES } from '../../shared/taxonomy';
import { createPostgresDatabase, testBackends, type Backend } from '../helpers/backends';
import { startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const REPORTS = Number(arg('reports') ?? 100_000);
const REQUESTS = Number(arg('requests') ?? 200);
const LOAD = Number(arg('load') ?? 0);
const backends: Backend[] = arg('backend') ? [arg('backend') as Backend] : testBackends();
const TARGET_MS = 50;

const MUNICIPALITIES = [
  'alsdorf',
  'baesweiler',
  'eschweiler',
  'herzogenrath',
  'monschau',
  'roetgen',
  'simmerath',
  'stolberg',
  'wuerselen',
  'elsewhere_in_region',
  'unknown',
];
/** Words with a skewed frequency, as in real text: a few in most reports, many in few. */
const WORDS = (
  'ich wurde im bus von einem mann beschimpft der fahrer hat nichts gesagt und die leute haben weggeschaut ' +
  'am schalter im rathaus sagte die mitarbeiterin ich solle erst deutsch lernen bevor ich einen antrag stelle ' +
  'der vermieter wollte die wohnung nicht an uns vergeben wegen unseres namens meine tochter wird in der schule ' +
  'gemobbt wegen ihres kopftuchs ein nachbar hat hakenkreuze an unsere tür geschmiert im supermarkt folgte mir ' +
  'der detektiv durch alle gänge bei der polizeikontrolle wurde nur ich kontrolliert im fitnessstudio durfte ' +
  'ich mit meinem kopftuch nicht trainieren auf instagram bekomme ich hassnachrichten die ärztin hat mich nicht ' +
  'ernst genommen im jobcenter wurde ich angeschrien der türsteher ließ meine freunde nicht in den club'
).split(' ');
const RARE = Array.from({ length: 2000 }, (_, i) => `stichwort${i}`);

function randomText(rand: () => number): string {
  const length = 25 + Math.floor(rand() * 40);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    // Squaring skews towards the start of the list: frequent words first.
    words.push(
      rand() < 0.03 ? RARE[Math.floor(rand() * RARE.length)]! : WORDS[Math.floor(rand() ** 2 * WORDS.length)]!,
    );
  }
  return `${words.join(' ')}.`;
}

function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

export async function generate(db: Kysely<Database>, count: number) {
  const rand = seeded(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const start = Date.UTC(2022, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const batch = 500;
  for (let done = 0; done < count; done += batch) {
    await db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(batch, count - done) }, (_, i) => {
        const received = new Date(start + ((done + i) / count) * span).toISOString().slice(0, 10);
        const status = rand() < 0.6 ? pick(REPORT_STATUSES) : 'closed';
        return {
          receipt_hash: `bench-${done + i}`,
          status,
          channel: rand() < 0.7 ? 'form' : 'assistant',
          locale: 'de',
          description: randomText(rand),
          consequences: rand() < 0.3 ? randomText(rand) : '',
          municipality: pick(MUNICIPALITIES),
          online: rand() < 0.1 ? 1 : 0,
          when_precision: 'month',
          when_value: received.slice(0, 7),
          ongoing: 0,
          witnesses: null,
          support_wanted: rand() < 0.2 ? 1 : 0,
          received_on: received,
          updated_at: `${received}T12:00:00.000Z`,
          urgent: rand() < 0.05 ? 1 : 0,
          acknowledged_on: status === 'new' && rand() < 0.8 ? null : received,
          closed_on: status === 'closed' || status === 'rejected' ? received : null,
          coded_on: rand() < 0.3 ? received : null,
        };
      });
      // The reporter's codes, and for coded reports the caseworker's as the same list: the row keeps the effective one.
      const coding = rows.map(() => {
        const ground = rand() < 0.7 ? 'racism' : pick(GROUNDS);
        return [
          { dimension: 'ground', code: ground },
          { dimension: 'life_domain', code: pick(LIFE_DOMAINS) },
          ...(ground === 'racism' ? [{ dimension: 'racism_form', code: pick(RACISM_FORMS) }] : []),
        ];
      });
      const inserted = await trx
        .insertInto('reports')
        .values(rows.map((r, i) => ({ ...r, effective_codes: effectiveCodesText(coding[i]!) })))
        .returning(['id', 'coded_on'])
        .execute();
      const codes = inserted.flatMap(({ id, coded_on }, i) => {
        const list = coding[i]!.map((c) => ({ report_id: id, coder: 'reporter' as const, ...c }));
        return coded_on ? [...list, ...list.map((c) => ({ ...c, coder: 'caseworker' as const }))] : list;
      });
      await trx.insertInto('report_codes').values(codes).execute();
    });
  }
}

const INBOX_QUERIES = [
  'status=new',
  'status=open&ground=racism',
  'lifeDomain=housing&municipality=alsdorf',
  'ground=racism&racismForm=anti_muslim&status=in_progress',
  'overdue=1',
  'contact=1&urgent=1',
  'from=2025-01-01&to=2025-06-30&status=closed',
  'municipality=stolberg&page=20',
  'page=500',
];
const SEARCHES = [
  'kopftuch',
  'vermieter wohnung',
  'stichwort17',
  'polizei',
  'bus fahrer',
  'jobcenter angeschrien',
  'haken',
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(client: Awaited<ReturnType<typeof signedInStaff>>, urls: string[]) {
  for (const url of urls.slice(0, 10)) await client.get(url); // warm-up
  const ms: number[] = [];
  const byUrl = new Map<string, number[]>();
  for (let i = 0; i < REQUESTS; i++) {
    const url = urls[i % urls.length]!;
    const started = performance.now();
    const res = await client.get(url);
    const took = performance.now() - started;
    ms.push(took);
    byUrl.set(url, [...(byUrl.get(url) ?? []), took]);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${res.text.slice(0, 200)}`);
  }
  ms.sort((a, b) => a - b);
  if (process.argv.includes('--verbose'))
    for (const [url, times] of byUrl)
      console.log(`  ${(times.reduce((a, b) => a + b) / times.length).toFixed(1).padStart(7)} ms  ${url}`);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** The load of --load N, in a process of its own (tests/bench/load-clients.ts); stopping it says its rate. */
async function startLoad(server: TestServer, clients: number) {
  const caseworker = await signedInStaff(server, 'caseworker');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'load-clients.ts')], {
    env: {
      ...process.env,
      LOAD_URL: server.url,
      LOAD_COOKIE: caseworker.cookie,
      LOAD_CLIENTS: String(clients),
      LOAD_PATHS: JSON.stringify([
        ...INBOX_QUERIES.map((q) => `/api/staff/reports?${q}`),
        ...SEARCHES.map((q) => `/api/staff/reports?q=${encodeURIComponent(q)}`),
      ]),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Let the clients get going before the measured requests start.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const started = performance.now();
  return async () => {
    const seconds = (performance.now() - started) / 1000 + 2;
    child.kill('SIGTERM');
    await exited;
    return (
      (JSON.parse(output.trim().split('\n').at(-1) ?? '{"answered":0}') as { answered: number }).answered / seconds
    );
  };
}

async function measure(client: Awaited<ReturnType<typeof signedInStaff>>) {
  const inbox = await time(
    client,
    INBOX_QUERIES.map((q) => `/api/staff/reports?${q}`),
  );
  const search = await time(
    client,
    SEARCHES.map((q, i) => `/api/staff/reports?q=${encodeURIComponent(q)}${i % 2 ? '&status=open' : ''}`),
  );
  return { inbox, search };
}

async function benchmark(backend: Backend) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-bench-inbox-'));
  const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
  const url = postgres?.url ?? `sqlite:${path.join(dataDir, 'meldestelle.sqlite')}`;
  try {
    const database = openDatabase(url);
    await migrateToLatest(database);
    const started = performance.now();
    await generate(database.db, REPORTS);
    // The state autovacuum reaches after a bulk load: statistics, and on PostgreSQL the visibility map that
    // lets counts be answered from an index alone.
    await (backend === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(database.db);
    console.log(`[${backend}] generated ${REPORTS} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await database.close();

    const server = await startTestServer({
      dataDir,
      env: { DATABASE_URL: url, LOG_REQUESTS: 'false', RETENTION_JOB: 'false' },
    });
    try {
      const client = await signedInStaff(server, 'caseworker');
      const rows = [{ backend, load: 'quiet', ...(await measure(client)) }];
      if (LOAD > 0) {
        const stop = await startLoad(server, LOAD);
        const underLoad = await measure(client);
        const rate = await stop();
        rows.push({ backend, load: `${LOAD} clients, ${rate.toFixed(0)} req/s`, ...underLoad });
      }
      return rows;
    } finally {
      await server.close();
    }
  } finally {
    await postgres?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('inbox.ts')) await main();

async function main() {
  const results = [];
  for (const backend of backends) results.push(...(await benchmark(backend)));
  const fmt = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  console.log(
    `\nInbox over ${REPORTS} reports, ${REQUESTS} requests each, one at a time (target: p95 < ${TARGET_MS} ms)`,
  );
  console.log('backend    | load                     | filtered page p50 | p95       | search p50 | p95');
  for (const r of results)
    console.log(
      `${r.backend.padEnd(10)} | ${r.load.padEnd(24)} | ${fmt(r.inbox.p50)}         | ${fmt(r.inbox.p95)} | ${fmt(r.search.p50)}  | ${fmt(r.search.p95)}`,
    );
  const slow = results.filter((r) => r.inbox.p95 >= TARGET_MS || r.search.p95 >= TARGET_MS);
  if (slow.length) console.log(`\nAbove target: ${slow.map((r) => `${r.backend} (${r.load})`).join(', ')}`);
}
