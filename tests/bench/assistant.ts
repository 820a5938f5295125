/**
 * `npm run bench:assistant`: what the assistant costs the server itself, against the fake model.
 *
 * 1. Overhead per turn: time from sending a turn to its first streamed reply text, minus the fake model's
 *    own time (the extraction answer, then the reply's first token). What remains is ours: parsing and
 *    checking the conversation, building prompts, two loopback calls, validating the draft, streaming.
 * 2. Memory with 200 conversations streaming at once (each a realistic six-turn conversation, replies
 *    streamed over ~2 s): the server process's resident memory before and at peak.
 *
 * Options: --turns N (default 300), --concurrent N (default 200).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyDraft } from '../../shared/assistant-draft';
import { startFakeLlm, type FakeRequest } from '../fake-llm/server';
import { extraction, postTurn } from '../helpers/assistant';
import { startServerProcess } from '../helpers/process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const turns = arg('turns', 300);
const concurrent = arg('concurrent', 200);
const MODEL_DELAY_MS = 20;

const fake = await startFakeLlm();
const reply = 'Danke, dass Sie mir das erzählen. Das klingt sehr belastend. Wann ist das ungefähr passiert?';
let slow = false;
fake.respondWith('extract', () => ({
  ...extraction({ municipality: 'alsdorf' }),
  firstTokenDelayMs: MODEL_DELAY_MS,
}));
fake.respondWith('interview', () =>
  slow
    ? { text: reply, chunkSize: 3, chunkDelayMs: 60, firstTokenDelayMs: MODEL_DELAY_MS }
    : { text: reply, chunkSize: 6, firstTokenDelayMs: MODEL_DELAY_MS },
);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-bench-assistant-'));
const server = await startServerProcess({
  DATA_DIR: dataDir,
  LLM_BASE_URL: fake.baseUrl,
  LLM_MODEL: 'fake-model',
  LLM_MAX_CONCURRENT: String(concurrent * 2),
  LOG_REQUESTS: 'false',
});

/** A conversation six turns in, about 3 KB: what a turn carries in the middle of an interview. */
const conversation = [
  { role: 'assistant', content: 'Hallo. Ich bin ein automatischer Assistent, kein Mensch.' },
  { role: 'assistant', content: 'Bitte erzählen Sie mir in Ihren eigenen Worten, was passiert ist.' },
  ...Array.from({ length: 5 }, (_, i) => [
    {
      role: 'user',
      content: `Antwort ${i}: ${'Im Bus hat mich ein Mann beschimpft, und niemand hat geholfen. '.repeat(4)}`,
    },
    { role: 'assistant', content: reply },
  ]).flat(),
  { role: 'user', content: 'Es war im Oktober, in Alsdorf, im Bus 51.' },
];
const body = {
  locale: 'de',
  mode: 'llm',
  messages: conversation,
  draft: emptyDraft,
  skipped: [],
  asking: 'when',
  action: { type: 'say' },
};

const rssOf = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fakeTime = (requests: FakeRequest[]) => {
  const extract = requests.find((r) => r.task === 'extract');
  const interview = requests.find((r) => r.task === 'interview');
  if (!extract?.endedAt || !interview?.firstByteAt) throw new Error('the fake model did not answer both calls');
  return extract.endedAt - extract.receivedAt + (interview.firstByteAt - interview.receivedAt);
};

try {
  for (let i = 0; i < 30; i++) await postTurn(server.url, body);

  const overheads: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < turns; i++) {
    fake.requests.length = 0;
    const result = await postTurn(server.url, body);
    if (result.firstTextMs === undefined) throw new Error(`turn ${i} streamed no text`);
    totals.push(result.firstTextMs);
    overheads.push(result.firstTextMs - fakeTime(fake.requests));
  }

  const pid = server.child.pid!;
  const before = rssOf(pid);
  slow = true;
  fake.requests.length = 0;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 50);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: concurrent }, () => postTurn(server.url, body)));
  const wall = performance.now() - started;
  clearInterval(sampler);
  const completed = results.filter((r) => r.events.at(-1)?.event === 'done').length;
  const openAtOnce = maxOverlap(fake.requests.filter((r) => r.task === 'interview'));

  const f = (x: number) => x.toFixed(2).padStart(7);
  console.log(`Assistant turn, ${turns} sequential turns over loopback (model delay ${MODEL_DELAY_MS} ms per call):`);
  console.log(
    `  time to first reply text     median ${f(quantile(totals, 0.5))} ms   p95 ${f(quantile(totals, 0.95))} ms`,
  );
  console.log(
    `  server overhead (minus model) median ${f(quantile(overheads, 0.5))} ms   p95 ${f(quantile(overheads, 0.95))} ms   p99 ${f(quantile(overheads, 0.99))} ms   (target < 10 ms)`,
  );
  console.log(`\n${concurrent} concurrent conversations, each streaming a reply over ~2 s:`);
  console.log(
    `  completed ${completed}/${concurrent}, ${openAtOnce} replies streaming at once, wall ${(wall / 1000).toFixed(1)} s`,
  );
  console.log(
    `  server RSS before ${before.toFixed(1)} MB, peak ${peak.toFixed(1)} MB, +${(peak - before).toFixed(1)} MB (${(((peak - before) * 1024) / concurrent).toFixed(0)} kB per conversation)`,
  );
  if (completed < concurrent) process.exitCode = 1;
} finally {
  await server.stop();
  await fake.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The most requests that were being answered at the same moment. */
function maxOverlap(requests: FakeRequest[]): number {
  const edges = requests.flatMap((r) => [
    [r.receivedAt, 1],
    [r.endedAt ?? Infinity, -1],
  ]) as [number, number][];
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, d] of edges) most = Math.max(most, (open += d));
  return most;
}
