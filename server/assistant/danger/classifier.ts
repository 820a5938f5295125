import type { ConceptHits } from './concepts';
import { featuresOf } from './features';
import trained from './model.json';
import type { Danger } from './rules';

/** The trained model in the repository (npm run train:danger). */
export const model: DangerModel = trained;

/** The classes, in the order of the model's rows. */
export const CLASSES = ['none', 'acute_danger', 'self_harm'] as const;
export type DangerClass = (typeof CLASSES)[number];

export interface DangerModel {
  /** What it was trained on and how, for anyone who wonders where the numbers come from. */
  trainedOn: string;
  threshold: number;
  bias: number[];
  /** One row per class, one weight per hashed feature, rounded to three decimals. */
  weights: number[][];
}

/** The probability of each class: a softmax over the hashed features (logistic regression). */
export function classProbabilities(text: string, concepts: ConceptHits, m: DangerModel = model): number[] {
  const features = featuresOf(text, concepts);
  const scores = m.bias.map((b, c) => {
    let s = b;
    const row = m.weights[c]!;
    for (const [index, value] of features) s += (row[index] ?? 0) * value;
    return s;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/**
 * The classifier's reading: a danger class only when it is fairly sure that the text is not ordinary
 * (the threshold is chosen in training so that false alarms on the development set stay rare).
 */
export function classify(
  text: string,
  concepts: ConceptHits,
  m: DangerModel = model,
): { danger: Danger | null; p: number } {
  const [, acute = 0, self = 0] = classProbabilities(text, concepts, m);
  const p = acute + self;
  if (p < m.threshold) return { danger: null, p };
  return { danger: self > acute ? 'self_harm' : 'acute_danger', p };
}
