/**
 * `npm run bench:notify`: does a submission wait for notifications? POST /api/reports on the real Node server
 * over SQLite, with notifications off, on (a real SMTP server with STARTTLS, six instant recipients and the
 * webhook), on with a mail server that takes two seconds per mail, and on with the mail server down.
 * Each setting runs `--rounds` times, interleaved, and the median is printed.
 * One connection by default, so that a request's latency is its own work, not a queue behind others (a
 * shared 2-core machine makes queues noisy). Loopback only, bounded in time. Options: --seconds N (default 5),
 * --connections N (default 1), --rounds N (default 3).
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { TestHttpReceiver, TestSmtpServer } from '../helpers/notice-receivers';
import { startServerProcess } from '../helpers/process';
import { validReport } from '../helpers/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 5);
const connections = arg('connections', 1);
const rounds = arg('rounds', 3);
const body = JSON.stringify(
  validReport({
    description:
      'Im Bus 51 nach Alsdorf hat mich ein Mann beschimpft, weil ich ein Kopftuch trage. Der Fahrer hat nichts gesagt und ist einfach weitergefahren.',
  }),
);
const STAFF = 5;

type Setting = 'off' | 'on' | 'slow mail server' | 'mail server down';

/** A data folder whose database has five caseworkers who want each notice at once. */
async function dataDirWithRecipients(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-bench-notify-'));
  const database = openDatabase(`sqlite:${path.join(dir, 'meldestelle.sqlite')}`);
  await migrateToLatest(database);
  const now = new Date().toISOString();
  for (let i = 1; i <= STAFF; i++) {
    const user = await database.db
      .insertInto('staff_users')
      .values({
        username: `caseworker${i}`,
        display_name: `Caseworker ${i}`,
        role: 'caseworker',
        password_hash: 'unused',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('staff_notification_settings')
      .values({ user_id: user.id, email: `caseworker${i}@office.example`, mode: 'instant', updated_at: now })
      .execute();
  }
  await database.close();
  return dir;
}

async function run(setting: Setting) {
  const smtp = new TestSmtpServer();
  const hook = new TestHttpReceiver();
  await smtp.start();
  await hook.start();
  if (setting === 'slow mail server') smtp.delayMs = 2_000;
  if (setting === 'mail server down') await smtp.stop();
  const server = await startServerProcess({
    DATA_DIR: await dataDirWithRecipients(),
    LOG_REQUESTS: 'false',
    ...(setting === 'off'
      ? {}
      : {
          ...smtp.env(),
          NOTIFY_OFFICE_MAILBOX: 'team@office.example',
          NOTIFY_WEBHOOK_URL: `${hook.url}/chat`,
          NOTIFY_WEBHOOK_SECRET: 'a shared secret of at least thirty-two characters',
        }),
  });
  try {
    const result = await autocannon({
      url: `${server.url}/api/reports`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: seconds,
    });
    if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      reports: result.requests.total,
      mails: smtp.mails.length,
      calls: hook.calls.length,
    };
  } finally {
    await server.stop('SIGKILL');
    await smtp.stop();
    await hook.stop();
  }
}

const settings: Setting[] = ['off', 'on', 'slow mail server', 'mail server down'];
const results = new Map<Setting, Awaited<ReturnType<typeof run>>[]>(settings.map((s) => [s, []]));
for (let round = 0; round < rounds; round++) for (const s of settings) results.get(s)!.push(await run(s));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
console.log(
  `POST /api/reports over SQLite, ${connections} connections, ${seconds} s per run, median of ${rounds} interleaved runs, ${os.cpus().length} cores`,
);
console.log(
  `${'notifications'.padEnd(20)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}   delivered while loaded`,
);
for (const s of settings) {
  const r = results.get(s)!;
  console.log(
    `${s.padEnd(20)} ${median(r.map((x) => x.rps))
      .toFixed(0)
      .padStart(7)} ${median(r.map((x) => x.p50))
      .toFixed(1)
      .padStart(7)} ${median(r.map((x) => x.p99))
      .toFixed(1)
      .padStart(7)}   ${r.map((x) => `${x.reports} reports → ${x.mails} mails, ${x.calls} webhook calls`).join('; ')}`,
  );
}
