/**
 * Nearly identical texts, for grouping a flood of copies in the inbox (one decision for all of them).
 *
 * Why this measure: the similarity of two texts is the Jaccard overlap of their character 5-grams
 * ("shingles") after normalising case, Unicode forms, punctuation and spacing. Character shingles need no
 * word splitting, so they work alike for all ten languages and scripts (Arabic, Persian, Tigrinya, Cyrillic);
 * a copy with one word changed, added or removed still shares most of them (a 100-character text with one
 * word changed keeps an overlap of about 0.8), while two different reports share few (common syllables,
 * below 0.2). Finding candidates must not read every recent text: a MinHash signature (64 hash functions) cut
 * into 16 bands of 4 makes texts with an overlap of 0.8 share a band with a probability of 0.9998, of 0.5
 * with 0.64, so each new report looks up its 16 band hashes in an index; candidates are then checked on
 * their actual texts. Only the first report of a group keeps its bands (the group's representative), and
 * only for the two days a copy may still join, so a flood of copies adds no rows and the sketch is soon gone.
 * The few lines of MinHash are the algorithm itself; the npm packages for it are unmaintained.
 */

/** Texts at least this alike (overlap of shingles) are one group. */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;
/** A copy joins a group within this many days of its first report (received_on is a day, never a time). */
export const NEAR_DUPLICATE_DAYS = 2;

const SHINGLE = 5;
const BANDS = 16;
const ROWS = 4;
/** Shorter texts say too little to call two of them copies. */
const MIN_LENGTH = 20;

/** Lower case, one Unicode form, letters and digits of any script, single spaces. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function shingles(text: string): Set<string> {
  const normal = normaliseForComparison(text);
  const set = new Set<string>();
  if (normal.length < MIN_LENGTH) return set;
  const chars = [...normal];
  for (let i = 0; i + SHINGLE <= chars.length; i++) set.add(chars.slice(i, i + SHINGLE).join(''));
  return set;
}

/** The overlap of two texts' shingles: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash, the same on Node and Workers. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Murmur3's finaliser: spreads one hash into the i-th of the signature's independent hashes. */
function mix(h: number, seed: number): number {
  h = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The text's band keys ("band index:hash"), or none for a text too short to compare. Two texts that share a
 * key are candidates; whether they are copies is decided by `similarity` on the texts.
 */
export function bandsOf(text: string): string[] {
  const set = shingles(text);
  if (set.size === 0) return [];
  const hashes = [...set].map(fnv1a);
  const signature = new Array<number>(BANDS * ROWS).fill(0xffffffff);
  for (const h of hashes)
    for (let i = 0; i < signature.length; i++) {
      const v = mix(h, i + 1);
      if (v < signature[i]!) signature[i] = v;
    }
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = signature.slice(b * ROWS, (b + 1) * ROWS).join(',');
    bands.push(`${b}:${fnv1a(rows).toString(36)}`);
  }
  return bands;
}
