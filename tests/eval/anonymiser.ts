/**
 * Evaluation of the anonymiser on every labelled set, each reported apart:
 *  - the old evaluation set (tests/fixtures/anonymiser/eval.jsonl; splits dev, heldout, heldout2, heldout3),
 *    written by the same hands as the recognizers;
 *  - `dev2`, 300 texts in ten languages written independently: tuned on;
 *  - `frozen`, 340 texts by another independent writer, committed before any tuning: figures only;
 *  - Presidio's recognizer cases (tests/fixtures/peer-cases/).
 * How spans are scored: see anonymiser-metrics.ts.
 *
 *   npm run --silent eval:anonymiser                     figures
 *   npm run --silent eval:anonymiser -- --misses=dev2    also list misses and false alarms of a set one may
 *                                                        look into (dev2, or a split of the old set); never frozen
 *   npm run --silent eval:anonymiser -- --model          the model's second pass, apart (anonymiser-model-pass.ts)
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { anonymise } from '../../server/anonymiser/index';
import { isLocale } from '../../shared/locales';
import {
  printLangTypeTable,
  printScore,
  precisionOf,
  recallOf,
  score,
  structuredRecall,
  type Output,
  type Score,
} from './anonymiser-metrics';
import { measureModelPass } from './anonymiser-model-pass';
import { loadEvalSet, loadFrozen, loadIndependentDev, repoRoot, type LabelledText } from './anonymiser-sets';

export { loadEvalSet, repoRoot } from './anonymiser-sets';
export const PEER_FILE = resolve(repoRoot, 'tests', 'fixtures', 'peer-cases', 'presidio-pii.jsonl');

export function runAnonymiser(set: LabelledText[]): Output[] {
  return set.map((t) => anonymise(t.text, isLocale(t.lang) ? t.lang : 'de'));
}

export function evaluate(set: LabelledText[]): Score {
  return score(set, runAnonymiser(set));
}

export interface PeerResult {
  spans: number;
  gone: number;
  left: string[];
}

/** Every expected span of a Presidio case with expected > 0 must be gone from the output. */
export function evaluatePeerCases(file = PEER_FILE): PeerResult {
  if (!existsSync(file)) throw new Error(`peer cases not found at ${file}`);
  const result: PeerResult = { spans: 0, gone: 0, left: [] };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { type: string; text: string; expected: number; spans: string[] };
    if (c.expected <= 0) continue;
    const out = anonymise(c.text, 'de').text;
    for (const span of c.spans) {
      result.spans++;
      if (out.includes(span)) result.left.push(`${c.type}: ${c.text} -> ${out}`);
      else result.gone++;
    }
  }
  return result;
}

/** One line per set: what the floors in anonymiser.test.ts are set against. */
export function headline(s: Score): string {
  return [
    `names ${recallOf(s, 'name').toFixed(3)}`,
    `structured ${structuredRecall(s).toFixed(3)}`,
    `organisations ${recallOf(s, 'organisation').toFixed(3)}`,
    `precision ${precisionOf(s).toFixed(3)}`,
    `words kept ${(s.words.kept / Math.max(1, s.words.total)).toFixed(4)}`,
    `unchanged ${s.negatives.unchanged}/${s.negatives.total}`,
  ].join(', ');
}

async function main(): Promise<void> {
  const modelMode =
    process.argv.find((a) => a.startsWith('--model'))?.split('=')[1] ??
    (process.argv.includes('--model') ? 'configured' : undefined);
  if (modelMode) {
    await measureModelPass(
      [
        ['dev2', loadIndependentDev()],
        ['frozen', loadFrozen()],
      ],
      modelMode,
    );
    return;
  }
  const missesOf = process.argv.find((a) => a.startsWith('--misses'))?.split('=')[1];
  if (missesOf === 'frozen') {
    console.error('The frozen set is for figures only: its misses are not shown.');
    process.exitCode = 2;
    return;
  }
  const old = loadEvalSet();
  const sets: [string, LabelledText[]][] = [
    ['frozen (independent, held out)', loadFrozen()],
    ['dev2 (independent, tuned on)', loadIndependentDev()],
    ['old set, all splits', old],
    ...[...new Set(old.map((t) => t.split))].map((split): [string, LabelledText[]] => [
      `old set, split ${split}`,
      old.filter((t) => t.split === split),
    ]),
  ];
  const summary: string[] = [];
  for (const [title, set] of sets) {
    const s = evaluate(set);
    printScore(title, s);
    if (!title.startsWith('old set, split')) printLangTypeTable(s);
    summary.push(`${title.padEnd(32)} ${headline(s)}`);
    const split = set[0]?.split;
    if (missesOf && (missesOf === split || (missesOf === 'dev' && split === 'dev' && set.length < old.length))) {
      console.log('\n' + s.misses.join('\n'));
    }
  }
  const peer = evaluatePeerCases();
  summary.push(`${'Presidio peer cases'.padEnd(32)} ${peer.gone}/${peer.spans} spans gone`);
  console.log('\n== summary\n' + summary.join('\n'));
  if (missesOf) for (const l of peer.left) console.log(`PEER LEFT ${l}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
