/**
 * How the anonymiser's output is scored against labels. Shared by the figures (`npm run eval:anonymiser`),
 * the floors (tests/eval/anonymiser.test.ts) and the measurement of the model's second pass.
 *
 * - A labelled span is *removed* when every letter and digit of it lies inside a found entity, of any
 *   type: what stays readable is what leaks ("Fatma [Name]" leaks Fatma). Recall is the share removed.
 * - It is *found* when a found entity of its own type overlaps it: the older, kinder measure, kept for
 *   comparison with earlier figures and for the type shown in the placeholder.
 * - A found entity is *correct* when it overlaps some labelled span; precision is the share correct.
 * - *Words kept*: of the words outside every labelled span (the account of what happened), the share
 *   that no found entity touches.
 * - *Unchanged*: texts without any label whose output equals the input.
 */
import type { LabelledText } from './anonymiser-sets';

export interface Found {
  type: string;
  start: number;
  end: number;
}

export interface Output {
  text: string;
  entities: Found[];
}

export interface Tally {
  gold: number;
  removed: number;
  found: number;
  pred: number;
  correct: number;
}

export interface Score {
  texts: number;
  byType: Map<string, Tally>;
  byLang: Map<string, Tally>;
  byLangType: Map<string, Map<string, Tally>>;
  overall: Tally;
  words: { total: number; kept: number };
  wordsByLang: Map<string, { total: number; kept: number }>;
  negatives: { total: number; unchanged: number };
  /** Misses and false alarms as lines, for the sets one may look into. */
  misses: string[];
}

export const emptyTally = (): Tally => ({ gold: 0, removed: 0, found: 0, pred: 0, correct: 0 });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function tallyOf<K>(m: Map<K, Tally>, k: K): Tally {
  let t = m.get(k);
  if (!t) m.set(k, (t = emptyTally()));
  return t;
}

export function score(set: LabelledText[], outputs: Output[]): Score {
  const s: Score = {
    texts: set.length,
    byType: new Map(),
    byLang: new Map(),
    byLangType: new Map(),
    overall: emptyTally(),
    words: { total: 0, kept: 0 },
    wordsByLang: new Map(),
    negatives: { total: 0, unchanged: 0 },
    misses: [],
  };
  set.forEach((item, n) => {
    const out = outputs[n]!;
    const found = out.entities;
    if (!s.byLangType.has(item.lang)) s.byLangType.set(item.lang, new Map());
    const langTypes = s.byLangType.get(item.lang)!;
    const tallies = (type: string) => [
      tallyOf(s.byType, type),
      tallyOf(s.byLang, item.lang),
      tallyOf(langTypes, type),
      s.overall,
    ];
    const covered = (i: number) => found.some((p) => p.start <= i && i < p.end);
    for (const g of item.labels) {
      let removed = true;
      for (let i = g.start; i < g.end; i++) {
        if (LETTER_OR_DIGIT.test(item.text[i]!) && !covered(i)) {
          removed = false;
          break;
        }
      }
      const typed = found.some((p) => p.type === g.type && overlaps(p, g));
      for (const t of tallies(g.type)) {
        t.gold++;
        if (removed) t.removed++;
        if (typed) t.found++;
      }
      if (!removed) s.misses.push(`MISS ${g.type} "${g.text}" in ${item.id}: ${out.text}`);
    }
    for (const p of found) {
      const ok = item.labels.some((g) => overlaps(p, g));
      for (const t of tallies(p.type)) {
        t.pred++;
        if (ok) t.correct++;
      }
      if (!ok) s.misses.push(`FALSE ${p.type} "${item.text.slice(p.start, p.end)}" in ${item.id}: ${out.text}`);
    }
    const words = s.wordsByLang.get(item.lang) ?? { total: 0, kept: 0 };
    s.wordsByLang.set(item.lang, words);
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(item.text); m; m = WORD_RE.exec(item.text)) {
      const w = { start: m.index, end: m.index + m[0].length };
      if (item.labels.some((g) => overlaps(g, w))) continue;
      const kept = !found.some((p) => overlaps(p, w));
      s.words.total++;
      words.total++;
      if (kept) {
        s.words.kept++;
        words.kept++;
      }
    }
    if (item.labels.length === 0) {
      s.negatives.total++;
      if (out.text === item.text) s.negatives.unchanged++;
    }
  });
  return s;
}

export const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export function recallOf(s: Score, type: string): number {
  const t = s.byType.get(type);
  return t ? ratio(t.removed, t.gold) : 1;
}

export function precisionOf(s: Score): number {
  return ratio(s.overall.correct, s.overall.pred);
}

/** The types that are a pattern with a shape (and often a check digit), not a word in a sentence. */
export const STRUCTURED = [
  'email',
  'phone',
  'iban',
  'account',
  'url',
  'handle',
  'licence_plate',
  'address',
  'postcode',
  'date_of_birth',
  'id_number',
  'tax_id',
  'insurance_number',
] as const;

/** Recall over all structured types together. */
export function structuredRecall(s: Score): number {
  let gold = 0;
  let removed = 0;
  for (const t of STRUCTURED) {
    const x = s.byType.get(t);
    if (!x) continue;
    gold += x.gold;
    removed += x.removed;
  }
  return ratio(removed, gold);
}

function fmt(n: number, d: number): string {
  return d === 0 ? '    - ' : (n / d).toFixed(3).padStart(6);
}

export function printScore(title: string, s: Score, log: (line: string) => void = console.log): void {
  log(`\n== ${title}: ${s.texts} texts`);
  const header = (k: string) => `${k.padEnd(18)} recall  precision  found(type)  removed/gold  correct/found`;
  const row = (k: string, t: Tally) =>
    `${k.padEnd(18)} ${fmt(t.removed, t.gold)}  ${fmt(t.correct, t.pred)}     ${fmt(t.found, t.gold)}     ${`${t.removed}/${t.gold}`.padStart(9)}    ${`${t.correct}/${t.pred}`.padStart(9)}`;
  log(header('by type'));
  for (const [k, t] of [...s.byType].sort()) log(row(k, t));
  log(header('by language'));
  for (const [k, t] of [...s.byLang].sort()) log(row(k, t));
  log(row('all', s.overall));
  log(
    `structured types together: recall ${structuredRecall(s).toFixed(3)}; names: recall ${recallOf(s, 'name').toFixed(3)}` +
      (s.byType.has('organisation') ? `; organisations: recall ${recallOf(s, 'organisation').toFixed(3)}` : ''),
  );
  log(
    `incident words kept: ${s.words.kept}/${s.words.total} = ${fmt(s.words.kept, s.words.total).trim()} (` +
      [...s.wordsByLang]
        .sort()
        .map(([l, w]) => `${l} ${fmt(w.kept, w.total).trim()}`)
        .join(', ') +
      ')',
  );
  log(`texts without personal data unchanged: ${s.negatives.unchanged}/${s.negatives.total}`);
}

/** Recall per language and type, as a compact table (rows languages, columns types). */
export function printLangTypeTable(s: Score, log: (line: string) => void = console.log): void {
  const types = [...s.byType.keys()].sort();
  const short = (t: string) => t.replace('insurance_number', 'insur').replace('licence_plate', 'plate').slice(0, 7);
  log(`recall by language and type (removed/gold)`);
  log(`${'lang'.padEnd(6)}${types.map((t) => short(t).padStart(8)).join('')}`);
  for (const [lang, m] of [...s.byLangType].sort()) {
    log(
      `${lang.padEnd(6)}${types
        .map((t) => {
          const x = m.get(t);
          return (x && x.gold ? `${x.removed}/${x.gold}` : '').padStart(8);
        })
        .join('')}`,
    );
  }
}
