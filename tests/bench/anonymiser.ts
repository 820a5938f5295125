/**
 * Throughput of the anonymiser on the evaluation set, and the time for one long report.
 * Prints figures only; tests never assert timing.
 */
import { anonymise } from '../../server/anonymiser/index';
import { isLocale } from '../../shared/locales';
import { loadEvalSet } from '../eval/anonymiser';

const set = loadEvalSet();
const bytes = set.reduce((n, t) => n + Buffer.byteLength(t.text, 'utf8'), 0);

// Warm up long enough that the JIT has settled, so the figures compare code, not compilation.
for (let i = 0; i < 30; i++) for (const t of set) anonymise(t.text, isLocale(t.lang) ? t.lang : 'de');

const rounds = 50;
let start = performance.now();
for (let r = 0; r < rounds; r++) for (const t of set) anonymise(t.text, isLocale(t.lang) ? t.lang : 'de');
const ms = performance.now() - start;
console.log(`evaluation set: ${set.length} texts, ${(bytes / 1024).toFixed(1)} KB, ${rounds} rounds`);
console.log(
  `throughput: ${((bytes * rounds) / 1024 / (ms / 1000)).toFixed(0)} KB/s (${(ms / rounds).toFixed(1)} ms per pass)`,
);

// A 10 000-character report built from the German texts, personal data included.
let long = '';
for (const t of set.filter((x) => x.lang === 'de')) {
  if (long.length >= 10_000) break;
  long += t.text + ' ';
}
long = long.slice(0, 10_000);
for (let i = 0; i < 30; i++) anonymise(long, 'de');
const times: number[] = [];
const cpuBefore = process.cpuUsage();
for (let i = 0; i < 30; i++) {
  start = performance.now();
  anonymise(long, 'de');
  times.push(performance.now() - start);
}
const cpu = process.cpuUsage(cpuBefore);
times.sort((a, b) => a - b);
// CPU time as well as wall time: on a machine shared with other work the wall time includes waiting.
console.log(
  `10 000-character text: median ${times[15]!.toFixed(2)} ms, worst ${times[29]!.toFixed(2)} ms, CPU ${((cpu.user + cpu.system) / 1000 / 30).toFixed(2)} ms per call (${anonymise(long, 'de').entities.length} entities)`,
);
// A fresh text of the same kind each time, so that no word's part of the classifier is already kept.
const fresh = set.filter((x) => x.lang !== 'de').map((x) => x.text);
let other = '';
for (const t of fresh) {
  if (other.length >= 10_000) break;
  other += t + ' ';
}
start = performance.now();
anonymise(other.slice(0, 10_000), 'tr');
console.log(`10 000 characters of other languages, first run: ${(performance.now() - start).toFixed(2)} ms`);

// One short German report, the common case: the time per call.
const SHORT =
  'Im Bus 51 nach Alsdorf hat mich ein Mann beschimpft, weil ich ein Kopftuch trage. Der Fahrer hat nichts gesagt und ist einfach weitergefahren.';
for (let i = 0; i < 2000; i++) anonymise(SHORT, 'de');
const shortRuns = 20_000;
const shortTimes: number[] = [];
for (let b = 0; b < 5; b++) {
  start = performance.now();
  for (let i = 0; i < shortRuns / 5; i++) anonymise(SHORT, 'de');
  shortTimes.push(((performance.now() - start) * 1000) / (shortRuns / 5));
}
shortTimes.sort((a, b) => a - b);
console.log(
  `short report (${SHORT.length} characters): ${shortTimes[2]!.toFixed(1)} µs per call (median of 5 batches)`,
);
