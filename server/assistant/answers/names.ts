import { fold, tokenise } from '../text/normalise';

/**
 * Names as people type them, in any script: "Eschweiler", "eschweier", "Eschweilerde", "اشفايلر",
 * "эшвайлер" and "اشوایلر" are one town. Latin spellings are compared letter by letter, allowing a typo
 * or two and a case ending; other scripts are read aloud into Latin letters and compared by their
 * consonants, the way a name sounds, since Arabic and Persian write few vowels.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const ARABIC: Record<string, string> = {
  ا: 'a',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 's',
  ج: 'g',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ي: 'y',
  ء: '',
};
const ARABIC_LONG = /[اوي]/;

/** Latin letters for a folded word of any script. */
export function latinOf(word: string): string {
  if (/\p{Script=Cyrillic}/u.test(word)) return [...word].map((c) => CYRILLIC[c] ?? c).join('');
  if (!/\p{Script=Arabic}/u.test(word)) return word;
  const chars = [...word];
  return chars
    .map((c, i) => {
      // و is a consonant (w, v) at the start or before a vowel letter, otherwise the vowel o/u.
      if (c === 'و') return i === 0 || ARABIC_LONG.test(chars[i + 1] ?? '') ? 'w' : 'u';
      return ARABIC[c] ?? c;
    })
    .join('');
}

const SOUNDS: [RegExp, string][] = [
  [/sch|sh|zh/g, 'S'],
  [/kh|ch/g, 'H'],
  [/ph|wh|w|v|f/g, 'F'],
  [/ts|tz/g, 'S'],
  [/th|dt|d|t/g, 'T'],
  [/ck|c(?=[aouklr])|q|k|x/g, 'K'],
  [/c/g, 'S'],
  [/gh|g/g, 'G'],
  [/z|s/g, 'S'],
  [/p|b/g, 'B'],
  [/h/g, 'H'],
  [/l/g, 'L'],
  [/m/g, 'M'],
  [/n/g, 'N'],
  [/r/g, 'R'],
  [/[a-z]/g, ''],
];

/** The consonants of a Latin spelling as sound classes: "eschweiler" and "eshfayler" are both SFLR. */
export function soundOf(latin: string): string {
  let s = latin.toLowerCase();
  for (const [pattern, sound] of SOUNDS) s = s.replace(pattern, sound);
  return s.replace(/(.)\1+/g, '$1');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Typos allowed in a Latin spelling of this length. */
const typos = (length: number) => (length >= 9 ? 2 : length >= 7 ? 1 : 0);

/** How closely a typed word matches a name: 0 exactly, 1 with a case ending, 2 with a typo; null not at all. */
type Closeness = 0 | 1 | 2 | null;

/** A Latin spelling: exactly, with a case ending ("eschweilerde", "w stolbergu"), or with a typo or two. */
function latinCloseness(typed: string, name: string): Closeness {
  if (typed === name) return 0;
  // Too short or too long to be this name with a typo and an ending: no need to count letters.
  if (typed.length < name.length - 2 || typed.length > name.length + 4 || typed[0] !== name[0]) return null;
  if (name.length >= 5 && typed.startsWith(name) && typed.length - name.length <= 4) return 1;
  const allowed = typos(name.length);
  if (allowed && typed.length > name.length && typed.length - name.length <= 4)
    if (editDistance(typed.slice(0, name.length), name) <= 1) return 2;
  return allowed && editDistance(typed, name) <= allowed ? 2 : null;
}

/** How a word begins, for short names: with a vowel, or with which consonant sound. */
const onset = (latin: string) => (/^[aeiouy]/.test(latin) ? 'V' : soundOf(latin.slice(0, 2)).slice(0, 1));

/** Sounds are asked for again and again, for the same few words and names: computed once each. */
const sounds = new Map<string, { latin: string; sound: string; onset: string }>();
function heard(word: string) {
  let known = sounds.get(word);
  if (!known) {
    const latin = latinOf(word);
    known = { latin, sound: soundOf(latin), onset: onset(latin) };
    if (sounds.size > 20_000) sounds.clear();
    sounds.set(word, known);
  }
  return known;
}

/** Another script, by sound. */
function soundCloseness(typed: string, name: string, whole: boolean): Closeness {
  const { sound: a, onset: typedOnset } = heard(typed);
  const { sound: b, onset: nameOnset } = heard(name);
  if (b.length < 2 || a.length < 2) return null;
  // Two consonants are few: "знаю" (SN) is not Essen, "сосед" (ST) is not "соцсети". Only a short name that
  // begins with a vowel (Aachen: آخن، ахен) is heard by sound, and only in a word that begins with one too.
  if (b.length === 2 && (nameOnset !== 'V' || typedOnset !== 'V')) return null;
  if (a === b) return 0;
  // Two typed words joined ("тік ток") must sound exactly like the name: joining invites chance matches.
  if (!whole || b.length < 4) return b.length >= 3 && whole && a.startsWith(b) && a.length - b.length <= 2 ? 1 : null;
  if (a.startsWith(b) && a.length - b.length <= 2) return 1;
  // Four consonants are too few to allow one of them wrong: "شعارات" (SRT) is not Simmerath (SMRT).
  if (b.length < 5) return null;
  // A case ending may change the last consonant too: Ukrainian "у фейсбуці" (FSBS) is in Facebook (FSBK).
  if (editDistance(a, b) <= 1) return 2;
  return a.length > b.length && a.length - b.length <= 2 && editDistance(a.slice(0, b.length), b) <= 1 ? 2 : null;
}

/** Arabic glues "in", "to", "the" to a name: بشتولبرغ, لآخن, بالانستغرام. */
const ARABIC_PREFIXES = /^(وب|فب|بال|لل|ال|ب|ل|و|ف)(?=\p{Script=Arabic}{3})/u;

export interface Named<V> {
  value: V;
  /** The spellings, each one or more words. */
  names: string[];
}

interface CompiledName<V> {
  value: V;
  words: string[];
}

/** A matcher over named things: which of them a text names, in the order named, the closest match first. */
export function nameMatcher<V>(entries: Named<V>[]) {
  const compiled: CompiledName<V>[] = entries.flatMap((e) =>
    e.names.map((name) => ({ value: e.value, words: tokenise(name) })).filter((c) => c.words.length > 0),
  );
  return function namedIn(text: string): { value: V; closeness: 0 | 1 | 2; at: number }[] {
    const typed = tokenise(text);
    const found: { at: number; value: V; closeness: 0 | 1 | 2 }[] = [];
    for (let i = 0; i < typed.length; i++) {
      for (const candidate of compiled) {
        const n = candidate.words.length;
        const name = candidate.words.join('');
        // A name of one word may be typed as two ("tik tok", "تيك توك"); a name of several as they are.
        const spans: [string, boolean][] =
          n === 1
            ? [
                [typed[i]!, true],
                ...(i + 1 < typed.length ? [[typed[i]! + typed[i + 1]!, false] as [string, boolean]] : []),
              ]
            : i + n <= typed.length
              ? [[typed.slice(i, i + n).join(''), true]]
              : [];
        for (const [span, whole] of spans) {
          const closeness = closenessOf(span, name, whole);
          if (closeness !== null) found.push({ at: i, value: candidate.value, closeness });
        }
      }
    }
    found.sort((a, b) => a.closeness - b.closeness || a.at - b.at);
    const seen = new Set<V>();
    return found.filter((f) => !seen.has(f.value) && seen.add(f.value));
  };
}

const LATIN = /^[\p{Script=Latin}0-9]+$/u;
const SOME_LATIN = /\p{Script=Latin}/u;

function closenessOf(typed: string, name: string, whole: boolean): Closeness {
  if (typed.charCodeAt(0) < 0x250 && LATIN.test(typed))
    return whole ? latinCloseness(typed, name) : typed === name ? 0 : null;
  // Words of two scripts joined ("في" + "Alsdorf") are no name.
  if (SOME_LATIN.test(typed)) return null;
  const bare = typed.replace(ARABIC_PREFIXES, '');
  const direct = soundCloseness(typed, name, whole);
  if (direct !== null || bare === typed) return direct;
  return soundCloseness(bare, name, whole);
}

export { fold };
