import type { ConceptHits } from './concepts';
import { tokenise } from '../text/normalise';

/** Hashed feature space of the classifier: small enough to ship, large enough for ten languages' stems. */
export const FEATURE_BITS = 12;
const SIZE = 1 << FEATURE_BITS;

/** FNV-1a: a stable hash, the same in training and in use. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SIZE;
}

/**
 * The words of a text, their pairs, and the letter sequences (3 to 5) inside each word: the sequences carry
 * a stem into inflections and typos the words alone would miss ("umbringen", "umzubringen", "umbrinegn").
 * Returns feature indices with their weights, scaled so that long texts do not outweigh short ones; beside
 * them, one feature for each concept of the lexicons the text contains.
 */
export function featuresOf(text: string, concepts?: ConceptHits): Map<number, number> {
  const words = tokenise(text);
  const grams: string[] = [];
  words.forEach((word, i) => {
    grams.push(`w:${word}`);
    if (i > 0) grams.push(`b:${words[i - 1]}_${word}`);
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n++) for (let k = 0; k + n <= padded.length; k++) grams.push(`c:${padded.slice(k, k + n)}`);
  });
  const features = new Map<number, number>();
  for (const gram of grams) features.set(hash(gram), 1);
  const scale = 1 / Math.sqrt(Math.max(1, features.size));
  for (const key of features.keys()) features.set(key, scale);
  // The concepts the lexicons found, whatever the language: what lets a few hundred phrases teach ten.
  for (const concept of concepts?.keys() ?? []) features.set(hash(`k:${concept}`), 1);
  return features;
}
