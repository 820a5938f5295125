import type { Locale } from '../../../shared/locales';
import {
  localFeatures,
  neighbourFeatures,
  PAD_VIEW,
  shapeContextFeatures,
  shapeContextKey,
  wordContextFeatures,
  type TokenView,
} from './features';

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

/**
 * What a word contributes on its own and as a neighbour is the same wherever it stands, so it is computed
 * once per word and kept (up to a bound); only the features that join a word with its context are built
 * per token. The scores are exactly those of summing every feature's weights.
 */
const CACHE_LIMIT = 50_000;
const localCache = new Map<string, Float64Array>();
const neighbourCache = new Map<string, Float64Array[]>();
const shapeContextCache = new Map<string, Float64Array>();

function sum(features: readonly string[], weights: Weights): Float64Array {
  const out = new Float64Array(T);
  for (const f of features) {
    const w = weights.features.get(f);
    if (w) for (let k = 0; k < T; k++) out[k] = out[k]! + w[k]!;
  }
  return out;
}

function cached(cache: Map<string, Float64Array>, key: string, make: () => Float64Array): Float64Array {
  let v = cache.get(key);
  if (!v) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, (v = make()));
  }
  return v;
}

let cachedFor: Weights | undefined;

/** Per token, the score of each tag. */
export function emissions(views: readonly TokenView[], locale: Locale, weights: Weights): Float64Array {
  if (cachedFor !== weights) {
    localCache.clear();
    neighbourCache.clear();
    shapeContextCache.clear();
    cachedFor = weights;
  }
  const out = new Float64Array(views.length * T);
  const local = views.map((v) => cached(localCache, locale + v.key, () => sum(localFeatures(v, locale), weights)));
  // One entry per word holds its contributions at the four neighbouring places, in the order -2, -1, +1, +2.
  const OFFSETS = [-2, -1, 1, 2] as const;
  const neighbour = (v: TokenView | undefined) => {
    const n = v ?? PAD_VIEW;
    let entry = neighbourCache.get(n.key);
    if (!entry) {
      if (neighbourCache.size >= CACHE_LIMIT) neighbourCache.clear();
      entry = OFFSETS.map((o) => sum(neighbourFeatures(n, o), weights));
      neighbourCache.set(n.key, entry);
    }
    return entry;
  };
  const asNeighbour = (v: TokenView | undefined, offset: -2 | -1 | 1 | 2) =>
    neighbour(v)[offset < 0 ? offset + 2 : offset + 1]!;
  const add = (i: number, p: Float64Array) => {
    for (let k = 0; k < T; k++) out[i * T + k] = out[i * T + k]! + p[k]!;
  };
  for (let i = 0; i < views.length; i++) {
    add(i, local[i]!);
    add(i, asNeighbour(views[i - 1], -1));
    add(i, asNeighbour(views[i + 1], 1));
    add(i, asNeighbour(views[i - 2], -2));
    add(i, asNeighbour(views[i + 2], 2));
    add(
      i,
      cached(shapeContextCache, shapeContextKey(views, i, locale), () =>
        sum(shapeContextFeatures(views, i, locale), weights),
      ),
    );
    for (const f of wordContextFeatures(views, i)) {
      const w = weights.features.get(f);
      if (w) for (let k = 0; k < T; k++) out[i * T + k] = out[i * T + k]! + w[k]!;
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
