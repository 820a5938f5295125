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
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/node-config';
import { createSealer } from '../../server/crypto/sealing';
import { createNotifications } from '../../server/notifications/service';
import { createReportsRepo } from '../../server/reports/repo';
import { createReportsService } from '../../server/reports/service';
import { submissionSchemaFor } from '../../server/reports/submission';
import { spawn } from 'node:child_process';
import { TestSmtpServer } from '../helpers/notice-receivers';
import { REPO_ROOT, startServerProcess } from '../helpers/process';
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

/** The receivers in their own process (see notice-sink.ts): started, and asked for their counts at the end. */
async function startSink(setting: Setting) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join('tests', 'bench', 'notice-sink.ts'),
      setting === 'slow mail server' ? 'slow' : setting === 'mail server down' ? 'down' : 'up',
    ],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (d) => {
    buffer += d;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  while (!lines.length) await new Promise((r) => setTimeout(r, 20));
  const { smtpPort, hookUrl } = JSON.parse(lines[0]!) as { smtpPort: number; hookUrl: string };
  return {
    smtpPort,
    hookUrl,
    counts: async () => {
      child.kill('SIGTERM');
      while (lines.length < 2) await new Promise((r) => setTimeout(r, 20));
      return JSON.parse(lines[1]!) as { mails: number; calls: number };
    },
  };
}

async function run(setting: Setting) {
  const sink = await startSink(setting);
  const smtpEnv = new TestSmtpServer();
  smtpEnv.port = sink.smtpPort;
  const server = await startServerProcess({
    DATA_DIR: await dataDirWithRecipients(),
    LOG_REQUESTS: 'false',
    ...(setting === 'off'
      ? {}
      : {
          ...smtpEnv.env(),
          NOTIFY_OFFICE_MAILBOX: 'team@office.example',
          NOTIFY_WEBHOOK_URL: `${sink.hookUrl}/chat`,
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
    };
  } finally {
    await server.stop('SIGKILL');
    Object.assign(lastCounts, await sink.counts());
  }
}
const lastCounts = { mails: 0, calls: 0 };

/**
 * The whole of what a submission adds with notifications on: the notify call (who wants it, one insert),
 * timed in this process, away from the noise of HTTP and other processes. Half the calls find the queue
 * empty (a row per recipient is written), half find the notices still waiting (nothing is written).
 */
async function notifyCall() {
  const dir = await dataDirWithRecipients();
  const database = openDatabase(`sqlite:${path.join(dir, 'meldestelle.sqlite')}`);
  const config = loadConfig({
    DATA_DIR: dir,
    SMTP_HOST: '127.0.0.1',
    MAIL_FROM: 'meldestelle@office.example',
    NOTIFY_OFFICE_MAILBOX: 'team@office.example',
    NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/chat',
    NOTIFY_WEBHOOK_SECRET: 'a shared secret of at least thirty-two characters',
  });
  const notifications = createNotifications({
    db: database.db,
    atomic: database.atomic,
    clock: systemClock,
    settings: config.notifications!,
    transports: { mail: null, webhook: null },
    publicBaseUrl: config.publicBaseUrl,
    log: () => undefined,
  });
  // For scale: the same process storing a report through the reports service (anonymiser, insert), no notify.
  const reports = createReportsService({
    repo: createReportsRepo(database.db, database.atomic),
    clock: systemClock,
    receiptSecret: config.receiptSecret,
    contactSealer: createSealer(config.encryptionKey, 'report-contact'),
    floodSoftLimit: config.intake.floodSoftLimit,
  });
  const submission = submissionSchemaFor(config.office).parse(JSON.parse(body));
  const submitTimes: number[] = [];
  for (let i = 0; i < 1500; i++) {
    const started = performance.now();
    await reports.submit(submission);
    if (i >= 500) submitTimes.push(performance.now() - started);
  }
  const times: number[] = [];
  for (let i = 0; i < 4000; i++) {
    if (i % 2 === 0) await database.db.deleteFrom('notification_queue').execute();
    const started = performance.now();
    await notifications.notify('report.received');
    if (i >= 1000) times.push(performance.now() - started);
  }
  await database.close();
  const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.floor(list.length * q)]!;
  return {
    notify: { p50: at(times, 0.5), p99: at(times, 0.99) },
    submit: { p50: at(submitTimes, 0.5), p99: at(submitTimes, 0.99) },
  };
}

const call = await notifyCall();
console.log(
  `in process: storing a report (reports service, no notify) p50 ${call.submit.p50.toFixed(3)} ms, p99 ${call.submit.p99.toFixed(3)} ms;\n` +
    `            the notify call it adds (6 mail recipients + webhook) p50 ${call.notify.p50.toFixed(3)} ms, p99 ${call.notify.p99.toFixed(3)} ms`,
);

const settings: Setting[] = ['off', 'on', 'slow mail server', 'mail server down'];
const results = new Map<Setting, (Awaited<ReturnType<typeof run>> & typeof lastCounts)[]>(settings.map((s) => [s, []]));
for (let round = 0; round < rounds; round++)
  for (const s of settings) {
    const r = await run(s);
    results.get(s)!.push({ ...r, ...lastCounts });
  }

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
