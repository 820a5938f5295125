/**
 * Trains the token classifier on the generated corpus and writes tagger/weights.ts.
 *
 *   npm run train:anonymiser                 generate, train, write the weights
 *   npm run train:anonymiser -- --docs 1500  texts per language (default 4000)
 *
 * A structured perceptron with averaged weights (Collins 2002): for each text, decode with the current
 * weights; where the best tags differ from the labelled ones, add the features of the labelled tags and
 * subtract those of the decoded ones. Name lists are switched off for a share of tokens, so that the
 * classifier also learns to find names that no list holds. Seeded: the same run gives the same weights.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../../shared/locales';
import { ruleHints } from '../recognizers/tagged';
import { featuresAt, NAME_LIST_CLASSES, viewTokens } from '../tagger/features';
import { TAGS, viterbi } from '../tagger/model';
import { tagTokens } from '../tagger/tokens';
import { serialiseWeights } from '../tagger/weights-format';
import { CORPUS_LOCALES, generateDoc, type LabelledDoc } from './corpus';
import { seeded, type Random } from './random';

const T = TAGS.length;
const NAME_LIST_DROPOUT = 0.35;
const EPOCHS = 8;
const PRUNE_BELOW = 0.04;

interface Example {
  locale: Locale;
  /** Feature ids per token, flattened, with offsets. */
  ids: Int32Array;
  offsets: Int32Array;
  gold: Int8Array;
}

function add(a: Float32Array | Float64Array, i: number, v: number): void {
  a[i] = a[i]! + v;
}

function goldTags(doc: LabelledDoc, tokens: { start: number; end: number }[]): Int8Array {
  const tags = new Int8Array(tokens.length);
  for (const span of doc.spans) {
    const b = span.type === 'name' ? 1 : 3;
    let first = true;
    tokens.forEach((t, i) => {
      // A token that holds part of a name belongs to it: "Ahmeds", "Ayşe'nin" are tagged as the name.
      if (t.start < span.end && t.end > span.start) {
        tags[i] = first ? b : b + 1;
        first = false;
      }
    });
  }
  return tags;
}

function toExample(doc: LabelledDoc, index: Map<string, number>, r: Random): Example {
  const tokens = tagTokens(doc.text);
  const views = viewTokens(tokens, ruleHints({ text: doc.text, locale: doc.locale }, tokens));
  for (const v of views) if (r() < NAME_LIST_DROPOUT) v.lex = v.lex.filter((c) => !NAME_LIST_CLASSES.has(c));
  const ids: number[] = [];
  const offsets = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    offsets[i] = ids.length;
    for (const f of featuresAt(views, i, doc.locale)) {
      let id = index.get(f);
      if (id === undefined) index.set(f, (id = index.size));
      ids.push(id);
    }
  }
  offsets[tokens.length] = ids.length;
  return { locale: doc.locale, ids: Int32Array.from(ids), offsets, gold: goldTags(doc, tokens) };
}

function main(): void {
  const docsArg = process.argv.indexOf('--docs');
  const perLocale = docsArg > 0 ? Number(process.argv[docsArg + 1]) : 4000;
  const r = seeded(20240613);
  const index = new Map<string, number>();
  const examples: Example[] = [];
  let started = Date.now();
  for (const locale of CORPUS_LOCALES)
    for (let i = 0; i < perLocale; i++) examples.push(toExample(generateDoc(locale, r), index, r));
  const tokens = examples.reduce((n, e) => n + e.gold.length, 0);
  console.log(
    `${examples.length} texts, ${tokens} tokens, ${index.size} features (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );

  const F = index.size;
  const w = new Float32Array(F * T);
  const u = new Float32Array(F * T);
  const tr = Array.from({ length: T + 1 }, () => new Float64Array(T));
  const tu = Array.from({ length: T + 1 }, () => new Float64Array(T));
  let c = 1;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    started = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    for (const k of order) {
      const ex = examples[k]!;
      const n = ex.gold.length;
      const scores = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        for (let p = ex.offsets[i]!; p < ex.offsets[i + 1]!; p++) {
          const base = ex.ids[p]! * T;
          for (let t = 0; t < T; t++) add(scores, i * T + t, w[base + t]!);
        }
      }
      const pred = viterbi(
        scores,
        n,
        tr.map((row) => Array.from(row)),
      );
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i]!;
        const p = pred[i]!;
        const gPrev = i === 0 ? T : ex.gold[i - 1]!;
        const pPrev = i === 0 ? T : pred[i - 1]!;
        if (g !== p) {
          wrong++;
          for (let q = ex.offsets[i]!; q < ex.offsets[i + 1]!; q++) {
            const base = ex.ids[q]! * T;
            add(w, base + g, 1);
            add(u, base + g, c);
            add(w, base + p, -1);
            add(u, base + p, -c);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          add(tr[gPrev]!, g, 1);
          add(tu[gPrev]!, g, c);
          add(tr[pPrev]!, p, -1);
          add(tu[pPrev]!, p, -c);
        }
      }
      c++;
    }
    console.log(
      `epoch ${epoch + 1}: ${wrong} tokens wrong of ${tokens} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const features = new Map<string, Float32Array>();
  for (const [f, id] of index) {
    const avg = new Float32Array(T);
    let keep = false;
    for (let t = 0; t < T; t++) {
      avg[t] = w[id * T + t]! - u[id * T + t]! / c;
      if (Math.abs(avg[t]!) >= PRUNE_BELOW) keep = true;
    }
    if (keep) features.set(f, avg);
  }
  const transitions = tr.map((row, i) => Array.from(row, (x, t) => Math.round((x - tu[i]![t]! / c) * 100) / 100));
  const text = serialiseWeights(
    {
      version: 1,
      trainedOn: `${examples.length} generated texts, ${EPOCHS} epochs, seed 20240613`,
      tags: TAGS,
      transitions,
    },
    features,
  );
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'tagger', 'weights.ts');
  writeFileSync(
    out,
    `// Generated by \`npm run train:anonymiser\` (server/anonymiser/training/train.ts); do not edit.\n` +
      `export const TAGGER_WEIGHTS = ${JSON.stringify(text)};\n`,
  );
  console.log(`kept ${features.size} of ${F} features; wrote ${out} (${(text.length / 1024).toFixed(0)} KB)`);
}

main();
