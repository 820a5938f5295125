/**
 * Evaluation of the anonymiser: precision and recall per entity type and language on the labelled
 * reports in tests/fixtures/anonymiser/eval.jsonl, the share of texts left with nothing identifying,
 * and the share of Presidio's peer-case spans that disappear.
 *
 * Matching is by overlap of the same type (a found "Herr Müller" still counts for the label "Müller");
 * "clean" is stricter: every labelled character must be replaced, by whatever type.
 *
 *   npm run --silent eval:anonymiser              figures
 *   npm run --silent eval:anonymiser -- --misses  also list misses and false alarms of the dev split
 *   npm run --silent eval:anonymiser -- --misses=heldout2   ... of another split
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { anonymise } from '../../server/anonymiser/index';
import type { Entity, EntityType } from '../../server/anonymiser/index';
import { isLocale } from '../../shared/locales';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EVAL_FILE = resolve(repoRoot, 'tests', 'fixtures', 'anonymiser', 'eval.jsonl');
export const PEER_FILE = resolve(repoRoot, 'tests', 'fixtures', 'peer-cases', 'presidio-pii.jsonl');

export interface LabelledText {
  id: string;
  split: string;
  lang: string;
  text: string;
  labels: (Entity & { text: string })[];
}

interface Tally {
  goldFound: number;
  gold: number;
  predCorrect: number;
  pred: number;
}
const emptyTally = (): Tally => ({ goldFound: 0, gold: 0, predCorrect: 0, pred: 0 });
const overlaps = (a: Entity, b: Entity) => a.start < b.end && b.start < a.end;

export interface EvaluationReport {
  byType: Map<string, Tally>;
  /** Per split, per entity type: each split is reported on its own. */
  bySplitType: Map<string, Map<string, Tally>>;
  byLang: Map<string, Tally>;
  bySplit: Map<string, Tally & { texts: number; clean: number }>;
  overall: Tally;
  texts: number;
  clean: number;
  misses: string[];
}

export function loadEvalSet(): LabelledText[] {
  return readFileSync(EVAL_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledText);
}

export function evaluate(set: LabelledText[], missesOf = 'dev'): EvaluationReport {
  const byType = new Map<string, Tally>();
  const bySplitType = new Map<string, Map<string, Tally>>();
  const byLang = new Map<string, Tally>();
  const bySplit = new Map<string, Tally & { texts: number; clean: number }>();
  const overall = emptyTally();
  const misses: string[] = [];
  let clean = 0;
  const get = <K>(m: Map<K, Tally>, k: K) => m.get(k) ?? (m.set(k, emptyTally()), m.get(k)!);
  for (const item of set) {
    const locale = isLocale(item.lang) ? item.lang : 'de';
    const found = anonymise(item.text, locale).entities;
    const split = bySplit.get(item.split) ?? { ...emptyTally(), texts: 0, clean: 0 };
    bySplit.set(item.split, split);
    split.texts++;
    if (!bySplitType.has(item.split)) bySplitType.set(item.split, new Map());
    const splitTypes = bySplitType.get(item.split)!;
    const tallies = (type: EntityType) => [
      get(byType, type),
      get(splitTypes, type),
      get(byLang, item.lang),
      overall,
      split,
    ];
    let textClean = true;
    for (const g of item.labels) {
      const hit = found.some((p) => p.type === g.type && overlaps(p, g));
      for (const t of tallies(g.type)) {
        t.gold++;
        if (hit) t.goldFound++;
      }
      for (let i = g.start; i < g.end; i++) {
        if (/\s/.test(item.text[i]!)) continue;
        if (!found.some((p) => p.start <= i && i < p.end)) {
          textClean = false;
          break;
        }
      }
      if (!hit && item.split === missesOf) misses.push(`MISS ${g.type} "${g.text}" in ${item.id}: ${item.text}`);
    }
    for (const p of found) {
      const ok = item.labels.some((g) => g.type === p.type && overlaps(p, g));
      for (const t of tallies(p.type)) {
        t.pred++;
        if (ok) t.predCorrect++;
      }
      if (!ok && item.split === missesOf) {
        misses.push(`FALSE ${p.type} "${item.text.slice(p.start, p.end)}" in ${item.id}: ${item.text}`);
      }
    }
    if (textClean) {
      clean++;
      split.clean++;
    }
  }
  return { byType, bySplitType, byLang, bySplit, overall, texts: set.length, clean, misses };
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

export const STRUCTURED_TYPES = ['email', 'phone', 'iban', 'licence_plate', 'postcode'] as const;

/** The promised floors; returns the broken ones, empty when all hold. */
export function brokenFloors(report: EvaluationReport, peer: PeerResult): string[] {
  const broken: string[] = [];
  const recall = (t: string) => {
    const x = report.byType.get(t);
    return x && x.gold > 0 ? x.goldFound / x.gold : 1;
  };
  for (const t of STRUCTURED_TYPES) if (recall(t) < 0.98) broken.push(`recall ${t} ${recall(t).toFixed(3)} < 0.98`);
  for (const t of ['name', 'address']) if (recall(t) < 0.9) broken.push(`recall ${t} ${recall(t).toFixed(3)} < 0.90`);
  const precision = report.overall.predCorrect / Math.max(1, report.overall.pred);
  if (precision < 0.9) broken.push(`overall precision ${precision.toFixed(3)} < 0.90`);
  const peerShare = peer.gone / Math.max(1, peer.spans);
  if (peerShare < 0.95) broken.push(`peer-case share ${peerShare.toFixed(3)} < 0.95`);
  return broken;
}

function fmt(n: number, d: number): string {
  return d === 0 ? '   -  ' : (n / d).toFixed(3).padStart(6);
}

function printTable(title: string, rows: Map<string, Tally>): void {
  console.log(`\n${title.padEnd(18)} precision  recall   found/gold  correct/predicted`);
  for (const [k, t] of [...rows.entries()].sort()) {
    console.log(
      `${k.padEnd(18)} ${fmt(t.predCorrect, t.pred)}    ${fmt(t.goldFound, t.gold)}   ${`${t.goldFound}/${t.gold}`.padStart(9)}   ${`${t.predCorrect}/${t.pred}`.padStart(9)}`,
    );
  }
}

function main(): void {
  const set = loadEvalSet();
  const missesArg = process.argv.find((a) => a.startsWith('--misses'));
  const report = evaluate(set, missesArg?.split('=')[1] ?? 'dev');
  console.log(
    `Anonymiser evaluation: ${report.texts} texts, ${[...report.bySplit].map(([s, x]) => `${s} ${x.texts}`).join(', ')}`,
  );
  printTable('by entity type', report.byType);
  for (const [s, rows] of [...report.bySplitType].sort()) printTable(`${s} by type`, rows);
  printTable('by language', report.byLang);
  printTable('by split', report.bySplit);
  const o = report.overall;
  console.log(`\noverall            ${fmt(o.predCorrect, o.pred)}    ${fmt(o.goldFound, o.gold)}`);
  for (const [s, x] of report.bySplit)
    console.log(`clean texts (${s}): ${x.clean}/${x.texts} = ${fmt(x.clean, x.texts).trim()}`);
  console.log(`clean texts (all): ${report.clean}/${report.texts} = ${fmt(report.clean, report.texts).trim()}`);
  let peer: PeerResult;
  try {
    peer = evaluatePeerCases();
  } catch (e) {
    console.log(`\npeer cases: ${(e as Error).message}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `peer cases (Presidio, expected > 0): ${peer.gone}/${peer.spans} spans gone = ${fmt(peer.gone, peer.spans).trim()}`,
  );
  const broken = brokenFloors(report, peer);
  console.log(broken.length ? `\nFLOORS BROKEN:\n  ${broken.join('\n  ')}` : '\nall floors hold');
  if (missesArg) {
    console.log('\n' + report.misses.join('\n'));
    for (const l of peer.left) console.log(`PEER LEFT ${l}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
