import type { Locale } from '../../../shared/locales';
import { featuresAt, type TokenView } from './features';

/**
 * A linear-chain classifier over tokens (a structured averaged perceptron): each token gets a score per
 * tag from the weights of its features, and the best sequence of tags under the transition weights is
 * found by Viterbi. Tags: outside, begin/inside of a person's name (N), begin/inside of an organisation (G).
 * The weights are learned by server/anonymiser/training/train.ts and live in weights.json.
 */
export const TAGS = ['O', 'B-N', 'I-N', 'B-G', 'I-G'] as const;
export type Tag = (typeof TAGS)[number];
const T = TAGS.length;

export interface Weights {
  /** transitions[from][to]; row T is the start of the text. */
  transitions: number[][];
  features: Map<string, Float32Array>;
}

/** An inside tag may only follow the begin or inside tag of its own kind. */
function allowed(from: number, to: number): boolean {
  if (to === 2) return from === 1 || from === 2;
  if (to === 4) return from === 3 || from === 4;
  return true;
}

/** Per token, the score of each tag. */
export function emissions(views: readonly TokenView[], locale: Locale, weights: Weights): Float64Array {
  const out = new Float64Array(views.length * T);
  for (let i = 0; i < views.length; i++) {
    for (const f of featuresAt(views, i, locale)) {
      const w = weights.features.get(f);
      if (!w) continue;
      for (let k = 0; k < T; k++) out[i * T + k] = out[i * T + k]! + w[k]!;
    }
  }
  return out;
}

/** The best tag sequence for the given emission scores. */
export function viterbi(scores: Float64Array, n: number, transitions: number[][]): number[] {
  if (n === 0) return [];
  const best = new Float64Array(n * T);
  const back = new Int8Array(n * T);
  for (let k = 0; k < T; k++)
    best[k] = allowed(0, k) && k !== 2 && k !== 4 ? transitions[T]![k]! + scores[k]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < T; k++) {
      let top = -Infinity;
      let arg = 0;
      for (let j = 0; j < T; j++) {
        if (!allowed(j, k)) continue;
        const s = best[(i - 1) * T + j]! + transitions[j]![k]!;
        if (s > top) {
          top = s;
          arg = j;
        }
      }
      best[i * T + k] = top + scores[i * T + k]!;
      back[i * T + k] = arg;
    }
  }
  let arg = 0;
  for (let k = 1; k < T; k++) if (best[(n - 1) * T + k]! > best[(n - 1) * T + arg]!) arg = k;
  const tags = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg]!;
  }
  return tags;
}
