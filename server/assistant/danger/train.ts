/**
 * Trains the danger classifier and writes `model.json` beside this file.
 *
 *   npm run train:danger            train on the development set and the extra training phrases
 *   npm run train:danger -- --cv    also report 5-fold cross-validated figures on the development set
 *
 * Never on the frozen held-out set: that one only ever measures (npm run eval:danger).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLASSES, classify, type DangerModel } from './classifier';
import { FEATURE_BITS, featuresOf } from './features';
import { conceptsOf, ruleReading } from './index';

export interface Phrase {
  id: string;
  lang: string;
  label: (typeof CLASSES)[number];
  category: string;
  text: string;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const DEV = path.join(ROOT, 'tests/fixtures/danger/dev.jsonl');
export const EXTRA = path.join(ROOT, 'tests/fixtures/danger/train-extra.jsonl');

export function readPhrases(file: string): Phrase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Phrase);
}

const EPOCHS = Number(process.env.DANGER_EPOCHS ?? 300);
const RATE = Number(process.env.DANGER_RATE ?? 8);
const L2 = Number(process.env.DANGER_L2 ?? 1e-4);
/** The highest false-alarm rate on held-out development folds that the threshold may cost. */
const MAX_FALSE_ALARMS = 0.01;

/**
 * Full-batch gradient descent on the softmax loss, with L2: small data, so plain and deterministic. Each
 * class weighs as much as the others in the loss, so that the share of dangerous phrases in the training
 * data does not become the model's belief about messages.
 */
export function train(phrases: Phrase[], threshold = 0.5): DangerModel {
  const size = 1 << FEATURE_BITS;
  const k = CLASSES.length;
  const data = phrases.map((p) => {
    const f = featuresOf(p.text, conceptsOf(p.text));
    return { index: Int32Array.from(f.keys()), value: Float64Array.from(f.values()), y: CLASSES.indexOf(p.label) };
  });
  const counts = CLASSES.map((_, c) => data.filter((d) => d.y === c).length);
  const classWeight = counts.map((n) => data.length / (k * Math.max(1, n)));
  const w = new Float64Array(k * size);
  const b = new Float64Array(k);
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gw = new Float64Array(k * size);
    const gb = new Float64Array(k);
    for (const { index, value, y } of data) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = b[c]!;
        for (let j = 0; j < index.length; j++) s += w[c * size + index[j]!]! * value[j]!;
        scores[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += scores[c] = Math.exp(scores[c]! - max);
      for (let c = 0; c < k; c++) {
        const err = (scores[c]! / sum - (c === y ? 1 : 0)) * classWeight[y]!;
        gb[c]! += err;
        for (let j = 0; j < index.length; j++) gw[c * size + index[j]!]! += err * value[j]!;
      }
    }
    for (let c = 0; c < k; c++) b[c]! -= (RATE * gb[c]!) / data.length;
    for (let i = 0; i < k * size; i++) w[i]! -= RATE * (gw[i]! / data.length + L2 * w[i]!);
  }
  return {
    trainedOn: '',
    threshold,
    bias: [...b].map((v) => round(v)),
    weights: CLASSES.map((_, c) => [...w.subarray(c * size, (c + 1) * size)].map(round)),
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Five folds of the development set, by position within each language: the same split on every run. */
function folds(dev: Phrase[], k = 5): Phrase[][] {
  const out: Phrase[][] = Array.from({ length: k }, () => []);
  const seen = new Map<string, number>();
  for (const p of dev) {
    const n = seen.get(p.lang) ?? 0;
    seen.set(p.lang, n + 1);
    out[n % k]!.push(p);
  }
  return out;
}

/** Each development phrase scored by a model that did not see it: probabilities for choosing the threshold. */
export function crossValidated(dev: Phrase[], extra: Phrase[]): { phrase: Phrase; p: number; danger: string | null }[] {
  const parts = folds(dev);
  return parts.flatMap((held, i) => {
    const model = train([...parts.filter((_, j) => j !== i).flat(), ...extra], 0);
    return held.map((phrase) => {
      const { p, danger } = classify(phrase.text, conceptsOf(phrase.text), model);
      return { phrase, p, danger };
    });
  });
}

/** The lowest threshold whose held-out false alarms stay within bounds, from cross-validated scores. */
function chooseThreshold(scored: { phrase: Phrase; p: number }[]): number {
  const negatives = scored
    .filter((s) => s.phrase.label === 'none')
    .map((s) => s.p)
    .sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * MAX_FALSE_ALARMS);
  return Math.max(0.5, (negatives[allowed] ?? 0) + 0.01);
}

async function main() {
  const dev = readPhrases(DEV);
  const extra = readPhrases(EXTRA);
  const scored = crossValidated(dev, extra);
  const threshold = chooseThreshold(scored);
  if (process.argv.includes('--cv')) {
    const pos = scored.filter((s) => s.phrase.label !== 'none');
    const neg = scored.filter((s) => s.phrase.label === 'none');
    const hit = (s: { phrase: Phrase; p: number }) => s.p >= threshold;
    const both = (s: { phrase: Phrase; p: number }) => hit(s) || ruleReading(s.phrase.text).danger !== null;
    console.log(`threshold ${threshold.toFixed(2)} (cross-validated on the development set)`);
    console.log(
      `classifier alone: recall ${(pos.filter(hit).length / pos.length).toFixed(3)}, false alarms ${neg.filter(hit).length}/${neg.length}`,
    );
    console.log(
      `rules or classifier: recall ${(pos.filter(both).length / pos.length).toFixed(3)}, false alarms ${neg.filter(both).length}/${neg.length} (the rules were written on this set)`,
    );
  }
  const model = train([...dev, ...extra], threshold);
  model.trainedOn = `tests/fixtures/danger/dev.jsonl (${dev.length}) + train-extra.jsonl (${extra.length}); ${2 ** FEATURE_BITS} hashed features; threshold from 5-fold cross-validation`;
  fs.writeFileSync(path.join(import.meta.dirname, 'model.json'), `${JSON.stringify(model)}\n`);
  console.log(`model.json written (threshold ${threshold.toFixed(2)})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
