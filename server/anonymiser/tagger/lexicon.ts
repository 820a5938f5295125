import { FIRST_NAMES, AMBIGUOUS_FIRST_NAMES } from '../gazetteers/firstNames';
import { REGION_FAMILY_NAMES, REGION_GIVEN_NAMES } from '../gazetteers/regions';
import { SURNAMES } from '../gazetteers/surnames';
import { NEVER_NAME, PLACE_WORDS } from '../gazetteers/words';
import { kindOfWord } from '../organisations';
import { COMMON_WORDS, PLACES_ELSEWHERE } from './common-words';
import { CUE_WORDS } from './cues';

/**
 * What the classifier may know about a word apart from its letters: which lists it is on. Lookups use
 * the lower-cased word, so that "ali" in a chat written in lower case is the same evidence as "Ali".
 */
const lower = (words: Iterable<string>) => new Set([...words].map((w) => w.toLowerCase()));

const GIVEN = lower([...FIRST_NAMES, ...REGION_GIVEN_NAMES]);
const FAMILY = lower([...SURNAMES, ...REGION_FAMILY_NAMES]);
const AMBIGUOUS = lower(AMBIGUOUS_FIRST_NAMES);
const PLACES = lower(PLACE_WORDS);
const NEVER = lower(NEVER_NAME);

/** Endings of Slavic cases and of possessives, removed to look a name up: "Олегом", "Kaiserem", "Ahmeds". */
const SLAVIC_ENDINGS =
  /(?:ому|ему|ого|его|ой|ою|ей|ом|ем|ам|ям|ах|ях|ым|им|у|ю|а|я|е|і|и|ы|ові|еві|ові|owi|em|ie|iem|ę|ą|a|u|y|i|ego|ej|ą)$/u;
const POSSESSIVE =
  /(?:['’]s|['’]in|['’]ın|['’]un|['’]ün|['’]nin|['’]nın|['’]a|['’]e|['’]ya|['’]ye|['’]da|['’]de|['’]ta|['’]te|['’]dan|['’]den|['’]tan|['’]ten|s)$/u;

function stemLookup(w: string, set: Set<string>): boolean {
  const stem = w.replace(SLAVIC_ENDINGS, '');
  if (stem.length < 3 || stem === w) return false;
  // The stem itself ("олег"), or the stem with a nominative ending ("артём" from "артёму", "kuba" from "kubę").
  return (
    set.has(stem) ||
    set.has(stem + 'а') ||
    set.has(stem + 'я') ||
    set.has(stem + 'a') ||
    set.has(stem + 'й') ||
    set.has(stem + 'ь')
  );
}

const memo = new Map<string, string[]>();

/** The lists a (lower-cased) word is on, as short codes; several may apply. The array is shared: do not change it. */
export function lexiconClasses(lw: string): string[] {
  let classes = memo.get(lw);
  if (!classes) {
    if (memo.size >= 50_000) memo.clear();
    memo.set(lw, (classes = lookUp(lw)));
  }
  return classes;
}

function lookUp(lw: string): string[] {
  const out: string[] = [];
  if (GIVEN.has(lw)) out.push(AMBIGUOUS.has(lw) ? 'GA' : 'G');
  if (FAMILY.has(lw)) out.push('F');
  if (PLACES.has(lw) || PLACES_ELSEWHERE.has(lw)) out.push('P');
  else if (NEVER.has(lw)) out.push('N');
  if (COMMON_WORDS.has(lw)) out.push('W');
  const cue = CUE_WORDS.get(lw);
  if (cue) out.push(cue);
  if (kindOfWord(lw)) out.push('K');
  if (out.length === 0 && lw.length > 3) {
    const bare = lw.replace(POSSESSIVE, '');
    if (bare !== lw && bare.length > 2 && (GIVEN.has(bare) || FAMILY.has(bare))) out.push('GP');
    else if (stemLookup(lw, GIVEN)) out.push('GS');
    else if (stemLookup(lw, FAMILY)) out.push('FS');
  }
  return out;
}
