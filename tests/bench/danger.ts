/**
 * The danger check's own cost: loading the lexicons and the model, and reading one message, as it runs on
 * every message a reporter sends (npm run bench:danger). Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';

const started = performance.now();
const { detectDanger } = await import('../../server/assistant/danger');
const { DEV, EXTRA, readPhrases } = await import('../../server/assistant/danger/train');
const loaded = performance.now() - started;

const texts = [...readPhrases(DEV), ...readPhrases(EXTRA)].map((p) => p.text);
for (const text of texts) detectDanger(text); // warm up
const times: number[] = [];
for (let round = 0; round < 5; round++)
  for (const text of texts) {
    const t = performance.now();
    detectDanger(text);
    times.push(performance.now() - t);
  }
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(3);
console.log(`danger check: modules and model loaded in ${loaded.toFixed(0)} ms`);
console.log(
  `per message (${texts.length} phrases × 5): median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
);
