/**
 * `npm run bench:flood`: what a flood costs with the proof of work on, and what the proof of work costs a
 * person. Against the real Node server over SQLite with the production defaults (10 reports an hour per
 * client with the proof of work, a third without; difficulty 5 000), behind a trusted proxy so that clients
 * can be told apart on loopback:
 *
 * 1. one client sending as fast as it can, solving every challenge itself (as a script would: Node's native
 *    PBKDF2, all cores): how many reports are stored, and how fast;
 * 2. the same without solving anything;
 * 3. a client that changes its address for every report (a botnet, or a proxy pool): bounded by the work;
 * 4. a person: Chromium on this machine, from opening the review page to "checked", several times.
 *
 * Options: --seconds N (default 30, for 1–3), --runs N (default 8, for 4), --difficulty N.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Challenge } from 'altcha-lib';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, validReport } from '../helpers/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 30);
const runs = arg('runs', 8);
const difficulty = arg('difficulty', 5000);

const server = await startTestServer({
  env: {
    TRUSTED_PROXIES: '127.0.0.1',
    CLIENT_REPORTS_PER_HOUR: '10',
    PROOF_OF_WORK_DIFFICULTY: String(difficulty),
    FLOOD_SOFT_LIMIT: '100',
    LOG_REQUESTS: 'false',
  },
});
// Nearly the longest description the form takes (20 000 characters), as in the probe (24 KB a report).
const body = JSON.stringify(validReport({ description: 'Ein automatisch erzeugter Text über nichts. '.repeat(450) }));
const cores = os.cpus().length;

/**
 * Solvers as a script would run them: PBKDF2 in native code, one worker thread per core, no browser.
 * (Plain JavaScript in the worker: it runs without the TypeScript loader.)
 */
const SOLVER = `
  const { parentPort } = require('node:worker_threads');
  const { pbkdf2Sync } = require('node:crypto');
  const { solveChallenge } = require('altcha-lib');
  const deriveKey = async (p, salt, password) => ({ derivedKey: pbkdf2Sync(password, salt, p.cost, p.keyLength, 'sha256') });
  parentPort.on('message', async (challenge) => parentPort.postMessage(await solveChallenge({ challenge, deriveKey })));
`;
const idle = Array.from({ length: cores }, () => new Worker(SOLVER, { eval: true }));
const waiting: ((worker: Worker) => void)[] = [];
async function withSolver<T>(run: (worker: Worker) => Promise<T>): Promise<T> {
  const worker = idle.pop() ?? (await new Promise<Worker>((resolve) => waiting.push(resolve)));
  try {
    return await run(worker);
  } finally {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  }
}
const solveIn = (challenge: Challenge) =>
  withSolver(
    (worker) =>
      new Promise<unknown>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(challenge);
      }),
  );

async function solved(address: string): Promise<{ payload: string; ms: number }> {
  const started = performance.now();
  const challenge = (await (
    await fetch(`${server.url}/api/challenge/report`, { headers: { 'x-forwarded-for': address } })
  ).json()) as Challenge;
  const solution = await solveIn(challenge);
  return {
    payload: Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'),
    ms: performance.now() - started,
  };
}

/** Sends for `seconds`, `parallel` at a time; each report from `addressOf(i)`, with an answer when `solve`. */
async function flood(label: string, addressOf: (i: number) => string, solve: boolean, parallel: number) {
  const deadline = performance.now() + seconds * 1000;
  const statuses = new Map<number, number>();
  const solveMs: number[] = [];
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < deadline) {
        const i = sent++;
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'x-forwarded-for': addressOf(i),
        };
        if (solve) {
          const { payload, ms } = await solved(addressOf(i));
          solveMs.push(ms);
          headers['x-altcha'] = payload;
        }
        const res = await fetch(`${server.url}/api/reports`, { method: 'POST', headers, body });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const stored = statuses.get(201) ?? 0;
  const median = solveMs.sort((a, b) => a - b)[Math.floor(solveMs.length / 2)];
  console.log(
    `${label}: ${sent} sent in ${elapsed.toFixed(1)} s, ${stored} stored (${(stored / elapsed).toFixed(2)} per second), ` +
      `${statuses.get(429) ?? 0} refused (429)` +
      ([...statuses.keys()].some((k) => k !== 201 && k !== 429) ? `, others: ${JSON.stringify([...statuses])}` : '') +
      (median === undefined ? '' : `, median solve ${Math.round(median)} ms per report`),
  );
}

console.log(`proof of work: difficulty ${difficulty}, PBKDF2-SHA-256 × 1 000 rounds per step; ${cores} cores`);
await flood('one client, solving every challenge', () => '198.51.100.1', true, cores);
await flood('one client, without the proof of work', () => '198.51.100.2', false, 4);
await flood(
  'a new address for every report, solving',
  (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  true,
  cores,
);
const flagged = await server.database.db
  .selectFrom('reports')
  .select(['flag', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('flag')
  .execute();
console.log(`stored reports by flag: ${flagged.map((r) => `${r.flag ?? 'none'} ${r.n}`).join(', ')}`);

// A script's cost per answer with every core at work: what a flood from one machine pays per report.
{
  const rounds = 3;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: cores * rounds }, async () => {
      const challenge = (await (
        await fetch(`${server.url}/api/challenge/report`, { headers: { 'x-forwarded-for': '192.0.2.1' } })
      ).json()) as Challenge;
      await solveIn(challenge);
    }),
  );
  const perSecond = (cores * rounds) / ((performance.now() - started) / 1000);
  console.log(`a script on this machine, a solver per core: ${perSecond.toFixed(2)} answers per second`);
}
for (const worker of idle) await worker.terminate();

// A person: Chromium at 360 px, the review page opened as the form opens it, until the widget says "checked".
const browser = await launchBrowser();
const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/de/report`);
  await page.evaluate(() => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/de/report/review';
    const text = document.createElement('textarea');
    text.name = 'description';
    text.value = 'Im Bus hat mich ein Mann beschimpft.';
    form.append(text);
    document.body.append(form);
    form.submit();
  });
  await page.waitForURL('**/review');
  await page.waitForFunction(
    () => (document.querySelector('altcha-widget') as unknown as { getState?(): string })?.getState?.() === 'verified',
    null,
    { polling: 20, timeout: 120_000 },
  );
  // Milliseconds since the review page began to load.
  const ms = await page.evaluate(() => performance.now());
  times.push(ms);
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
console.log(
  `a person, Chromium on this machine (${Math.min(cores, 16)} workers): from opening the review page to "checked": ` +
    `median ${at(0.5)} ms, slowest ${at(1)} ms, fastest ${at(0)} ms (${runs} runs)`,
);
await server.close();
process.exit(0);
