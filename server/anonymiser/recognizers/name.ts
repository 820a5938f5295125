import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from '../gazetteers/firstNames';
import { AMBIGUOUS_SURNAMES, SURNAMES } from '../gazetteers/surnames';
import { NEVER_NAME, PLACE_WORDS } from '../gazetteers/words';
import type { Candidate, ScanInput } from '../types';
import { isArabicScript, isCapitalised, isCyrillic, tokenize, type Token } from './tokens';
import { allMatches } from '../scan';

/**
 * Person names, from four kinds of evidence, strongest first:
 *  1. a title before ("Herr", "Frau Dr.", "Mr.", "Pani", "السيد", "آقای") or a naming phrase
 *     ("heißt", "my name is", "adım", "зовут", "اسمي");
 *  2. a known first name, which also pulls in the capitalised word after it as surname;
 *  3. a frequent surname on its own;
 *  4. Turkish honorifics after the name ("Ahmet Bey").
 * Titles themselves stay in the text: "Frau [Name]" still tells a caseworker the gender reported.
 */
const TITLES = new Set(
  'herr herrn frau hr fr dr prof mr mrs ms miss mme madame monsieur m pan pani sayın bay bayan familie fam господин госпожа пан пані السيد السيدة الأستاذ الاستاذ الدكتور آقای خانم دکتر'.split(
    ' ',
  ),
);
/** Titles that also stand for "a man/woman" and so are generic after an article or adjective. */
const GENERIC_TITLES = new Set(['frau', 'herr', 'herrn', 'familie', 'pan', 'pani', 'خانم', 'آقای']);
/** Titles written in lower case inside a sentence by the rules of their language; the name after them is capitalised. */
const LOWER_CASE_TITLES = new Set(['пан', 'пані', 'господин', 'госпожа', 'pan', 'pani']);
const EXTRA_TITLES = new Set(['dr', 'prof', 'med', 'dipl', 'ing']);
/**
 * Naming phrases and the whitespace after them; a word right after counts as a name. No phrase starts
 * inside another one, so one pass over the text finds every place where a phrase ends.
 */
const NAMING_PHRASES = [
  /(?:heiße|heisse|heißt|heisst|hieß|hiess|namens|name ist|name lautet|name is|named|called|my name's|adım|adı|ismi|зовут|звати|nazywam się|na imię|m'appelle|s'appelle|m’appelle)\s+/giu,
  /(?:اسمي|اسمه|اسمها|اسم من|نام من|نامش|اسمم)\s+/gu,
];
/** The phrase must lie within this many characters before the name. */
const NAMING_WINDOW = 20;

/** Offsets right after a naming phrase and its whitespace, mapped to where the phrase starts. */
function namingPhraseEnds(text: string): Map<number, number> | undefined {
  let ends: Map<number, number> | undefined;
  for (const re of NAMING_PHRASES) {
    for (const m of allMatches(re, text)) (ends ??= new Map()).set(m.index + m[0].length, m.index);
  }
  return ends;
}
const HONORIFICS_AFTER = new Set(['Bey', 'Hanım', 'Hanim', 'Hoca', 'Abi', 'Abla']);
const DETERMINERS = new Set(
  'der die das den dem des ein eine einer einem einen eines diese dieser diesem diesen jene meine mein meiner meinem seine seiner ihre ihrer unsere unser eure andere anderen zweite keine jede jeder the a an this that my his her our'.split(
    ' ',
  ),
);
/**
 * Words for relatives, friends, neighbours and people at work. Right after one of them comes the
 * person's name or nothing ("my friend Will", "mój syn Kuba", "meine Sozialarbeiterin Anna Reiners"),
 * so there even a first name that is also a word counts, and in languages that do not capitalise
 * nouns any capitalised word does.
 */
const RELATION_NOUNS = new Set(
  (
    'freund freundin nachbar nachbarin sohn tochter bruder schwester kollege kollegin cousin cousine onkel tante neffe nichte enkel enkelin ehemann ehefrau chef chefin vorgesetzter vorgesetzte sozialarbeiter sozialarbeiterin betreuer betreuerin lehrer lehrerin klassenlehrer klassenlehrerin trainer trainerin vermieter vermieterin mitschüler mitschülerin ' +
    'friend neighbour neighbor son daughter brother sister colleague coworker husband wife boss manager teacher caseworker landlord landlady ' +
    'syn córka brat siostra sąsiad sąsiadka kolega koleżanka mąż żona przyjaciel przyjaciółka szef szefowa ' +
    'fils fille frère sœur voisin voisine ami amie collègue mari patron patronne ' +
    'oğlum kızım kardeşim komşum arkadaşım eşim ' +
    'сын дочь брат сестра сосед соседка друг подруга муж жена коллега начальник син донька сусід сусідка подруга чоловік дружина колега'
  ).split(' '),
);
/** Languages whose nouns are capitalised: there an unknown capitalised word after a relation noun is a noun. */
const CAPITALISED_NOUN_LOCALES = new Set(['de', 'de-LS']);
/** First names that are also month names or their abbreviations. */
const MONTH_NAMES = new Set(['Jan', 'August', 'April', 'June', 'Juni', 'Juli', 'July', 'Mai', 'May']);
/** Words before a month: "im Jan.", "seit August", "on Jan 15". */
const BEFORE_MONTH = new Set(
  'im am seit bis ab anfang mitte ende vom zum letzten nächsten diesen on in since until from by early late mid last next this'.split(
    ' ',
  ),
);
/** A first name that is also a month stands for the month next to a day, a year or a time word. */
function isMonthHere(text: string, t: Token, prev: Token | undefined): boolean {
  if (/\d\.?\s{1,2}$/.test(text.slice(Math.max(0, t.start - 4), t.start))) return true;
  if (/^\.?\s{0,2}\d/.test(text.slice(t.end, t.end + 4))) return true;
  return prev !== undefined && BEFORE_MONTH.has(lowerOf(prev));
}
const SALUTATION_ADJECTIVES = new Set(['geehrte', 'geehrter', 'liebe', 'lieber', 'dear']);
const STREET_WORDS = /^(?:Straße|Strasse|Str|Weg|Platz|Allee|Gasse|Ring|Damm)$/;
/** Lower-case words that follow "frau"/"herr" in lower-case texts and are not names. */
const LOWER_STOP = new Set(
  'mit hat ist war und aus in im am an auf bei von vom zu zur zum nach vor hinter der die das den dem des ein eine hat hatte sagte sagt meinte fragte rief hat wurde ist sich mich mir uns ihr ihm sie er es nicht noch schon auch nur so sehr da dort hier wie was wer ob oder aber weil dass als kam ging stand saß'.split(
    ' ',
  ),
);
/** Arabic-script words that follow a name but are not part of it. */
const ARABIC_STOP = new Set(
  'في من على إلى الى عن مع هو هي كان كانت قال قالت لي لا و یک در به از با که را این آن است بود برای خیلی یکی کسی وقتی'.split(
    ' ',
  ),
);
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'del',
  'da',
  'di',
  'el',
  'al',
  'bin',
  'ibn',
  'ben',
  'abu',
  'Van',
  'El',
  'Al',
  'Abu',
  'Ben',
]);

const CYRILLIC_STEMS = new Set([...FIRST_NAMES].filter(isCyrillic).map(cyrillicStem));
function cyrillicStem(w: string): string {
  return w.toLowerCase().replace(/[аяеиоуыюйьёі]+$/u, '');
}

/** The lookup form: Turkish case suffixes after an apostrophe ("Mehmet'in") are not part of the name. */
function bare(t: Token): string {
  const s = t.text;
  let cut = s.indexOf("'");
  const curly = s.indexOf('’');
  if (curly >= 0 && (cut < 0 || curly < cut)) cut = curly;
  return cut < 0 ? s : s.slice(0, cut);
}

function isFirstName(word: string): boolean {
  if (FIRST_NAMES.has(word)) return true;
  // Double first names: "Anna-Lena", "Marie-Claire", "Ali-Reza", when every part is a first name.
  if (word.includes('-')) return word.split('-').every((part) => FIRST_NAMES.has(part));
  if (isCyrillic(word) && isCapitalised(word) && word.length > 3) return CYRILLIC_STEMS.has(cyrillicStem(word));
  return false;
}

/** Could this token be (part of) a name after a title, first name or naming phrase? */
function nameLike(t: Token, allowLower: boolean): boolean {
  const w = bare(t);
  if (NEVER_NAME.has(w) || PLACE_WORDS.has(w)) return false;
  if (isArabicScript(w)) return !ARABIC_STOP.has(w) && w.length > 1;
  if (STREET_WORDS.test(w) || /(straße|strasse|weg|platz|allee)$/i.test(w)) return false;
  if (isCapitalised(w)) return true;
  return allowLower && !LOWER_STOP.has(w) && w.length > 2 && /^\p{Ll}+$/u.test(w);
}

/** Text between two tokens is only a space or hyphen: they belong to one name. */
function adjacent(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end !== 1) return false;
  const c = text.charCodeAt(a.end);
  return c === 32 || c === 0xa0;
}

const WHITESPACE_RE = /\s/;

/** Does a sentence start at `start`: nothing, or sentence punctuation or a line break, then only whitespace before it? */
function atSentenceStart(text: string, start: number): boolean {
  let k = start;
  let lineBreak = false;
  while (k > 0 && WHITESPACE_RE.test(text[k - 1]!)) {
    if (text[k - 1] === '\n') lineBreak = true;
    k--;
  }
  if (start === 0 || lineBreak) return true;
  const c = text[k - 1];
  return c === '.' || c === '!' || c === '?' || c === ':';
}

/** The lower-cased text of a token, '' for none. */
function lowerOf(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

// Helpers of recognizeName live at module level rather than as closures: a closure per call (or per
// token) costs more than the work it does on a short report.

function pushName(text: string, tokens: readonly Token[], out: Candidate[], from: number, to: number, score: number) {
  const first = tokens[from]!;
  const last = tokens[to]!;
  const end = last.start + bare(last).length;
  // "Mustafa Kemal Straße" is a street, not a person.
  const next = tokens[to + 1];
  if (next && adjacent(text, last, next) && STREET_WORDS.test(next.text)) return;
  out.push({ type: 'name', start: first.start, end, score });
}

/** Extend a name starting at i over following name-like tokens, at most `max` tokens in total. */
function extendName(
  text: string,
  tokens: readonly Token[],
  i: number,
  max: number,
  allowLower: boolean,
  arabicNeedsEvidence: boolean,
): number {
  let j = i;
  while (j + 1 < tokens.length && j - i + 1 < max) {
    const cur = tokens[j]!;
    const nxt = tokens[j + 1]!;
    if (!adjacent(text, cur, nxt) && text.slice(cur.end, nxt.start) !== '-') break;
    if (/['’]/.test(cur.text)) break;
    const w = bare(nxt);
    if (PARTICLES.has(w) && tokens[j + 2] && isCapitalised(tokens[j + 2]!.text)) {
      j += 1;
      continue;
    }
    if (!nameLike(nxt, allowLower)) break;
    if (isArabicScript(w) && arabicNeedsEvidence) {
      const persianSurname = /ی$/u.test(w) && w.length >= 4;
      if (!(FIRST_NAMES.has(w) || w.startsWith('ال') || persianSurname)) break;
    }
    j += 1;
  }
  return j;
}

export function recognizeName({ text, locale }: ScanInput): Candidate[] {
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  const phraseEnds = namingPhraseEnds(text);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = bare(t);
    const lower = w.toLowerCase();
    const prev = tokens[i - 1];

    // 1a. Titles.
    if (
      TITLES.has(lower) &&
      (isCapitalised(w) || GENERIC_TITLES.has(lower) || isArabicScript(w) || LOWER_CASE_TITLES.has(w))
    ) {
      const afterTitle = text.slice(t.end, t.end + 2);
      if (lower === 'm' && !afterTitle.startsWith('.')) continue;
      let j = i + 1;
      // Bounded, so a text of repeated titles stays linear.
      while (
        j < tokens.length &&
        j < i + 4 &&
        (TITLES.has(tokens[j]!.text.toLowerCase()) || EXTRA_TITLES.has(tokens[j]!.text.toLowerCase()))
      )
        j++;
      const first = tokens[j];
      if (!first) continue;
      const gap = text.slice(tokens[j - 1]!.end, first.start);
      if (!/^\.?\s{1,2}$/.test(gap)) continue;
      const generic =
        GENERIC_TITLES.has(lower) &&
        prev !== undefined &&
        adjacent(text, prev, t) &&
        (DETERMINERS.has(lowerOf(prev)) ||
          // An adjective before a capitalised title ("ältere Frau"); in lower-case texts nouns look alike.
          (isCapitalised(t.text) &&
            /^\p{Ll}+(e|en|er|em|es)$/u.test(prev.text) &&
            !SALUTATION_ADJECTIVES.has(lowerOf(prev))));
      // "frau schmitz" in a text written in lower case; "пан Шмідт" is lower case by convention.
      const lowerText = !isCapitalised(w) && !LOWER_CASE_TITLES.has(w);
      if (generic && !isFirstName(bare(first)) && !SURNAMES.has(bare(first))) continue;
      if (!nameLike(first, lowerText)) continue;
      const end = extendName(text, tokens, j, isArabicScript(bare(first)) ? 2 : 3, lowerText, false);
      pushName(text, tokens, out, j, end, 0.65);
      i = end;
      continue;
    }

    // 1b. Naming phrases.
    const phraseStart = phraseEnds?.get(t.start);
    if (phraseStart !== undefined && phraseStart >= t.start - NAMING_WINDOW) {
      if (nameLike(t, true) && (isCapitalised(w) || isArabicScript(w) || isFirstName(capitalise(w)))) {
        const end = extendName(text, tokens, i, 3, false, true);
        pushName(text, tokens, out, i, end, 0.65);
        i = end;
        continue;
      }
    }

    // 1c. Right after a relation noun.
    if (
      prev &&
      adjacent(text, prev, t) &&
      isCapitalised(w) &&
      RELATION_NOUNS.has(lowerOf(prev)) &&
      !NEVER_NAME.has(w) &&
      !PLACE_WORDS.has(w) &&
      !(MONTH_NAMES.has(w) && isMonthHere(text, t, prev)) &&
      (isFirstName(w) || (!CAPITALISED_NOUN_LOCALES.has(locale) && nameLike(t, false)))
    ) {
      const end = extendName(text, tokens, i, 3, false, true);
      pushName(text, tokens, out, i, end, 0.6);
      i = end;
      continue;
    }

    // 2. First names from the gazetteer, capitalised, or lower case in texts written all in lower case.
    let cap: string | undefined;
    const known =
      isFirstName(w) ||
      (w === lower &&
        startsLowerCase(w) &&
        isCapitalisedFirstName(w) &&
        !AMBIGUOUS_FIRST_NAMES.has((cap ??= capitalise(w))));
    if (known && !NEVER_NAME.has(w)) {
      if (MONTH_NAMES.has(w) && isMonthHere(text, t, prev)) continue;
      const end = extendName(text, tokens, i, 3, false, true);
      const ambiguous = AMBIGUOUS_FIRST_NAMES.has(w) || AMBIGUOUS_FIRST_NAMES.has((cap ??= capitalise(w)));
      // After an article or possessive a lone first name that is also a word is that word ("die
      // Rose", "der Mark"); a plain first name or one with a surname is still a person ("der Anna
      // Reiners", "die Olga").
      const afterDeterminer =
        prev !== undefined && DETERMINERS.has(lowerOf(prev)) && adjacent(text, prev, t) && !isArabicScript(w);
      if (afterDeterminer && ambiguous && end === i) continue;
      if (ambiguous && end === i && !HONORIFICS_AFTER.has(tokens[i + 1]?.text ?? '')) {
        if (!isCapitalised(w) || isArabicScript(w)) continue;
        // A lone ambiguous first name counts only where a sentence does not start with it, which is
        // where an ordinary word would be capitalised too.
        const sentenceStart = atSentenceStart(text, t.start) || prev === undefined;
        if (
          sentenceStart ||
          /^(?:Ramazan|Rose|Rosa|Mark|Will|Grace|Blessing|Precious|Patience|Said|Frank|Ernst)$/.test(w)
        )
          continue;
      }
      pushName(text, tokens, out, i, end, end > i ? 0.6 : 0.5);
      i = end;
      continue;
    }

    // 3. Frequent surnames on their own.
    if (SURNAMES.has(w) && isCapitalised(w) && !AMBIGUOUS_SURNAMES.has(w)) {
      if (prev && DETERMINERS.has(lowerOf(prev))) continue;
      pushName(text, tokens, out, i, i, 0.45);
      continue;
    }

    // 4. Honorific after the name: "Ahmet Bey", "Ayşe Hanım".
    const nxt = tokens[i + 1];
    if (nxt && HONORIFICS_AFTER.has(nxt.text) && adjacent(text, t, nxt) && isCapitalised(w) && !NEVER_NAME.has(w)) {
      pushName(text, tokens, out, i, i, 0.55);
    }
  }
  return out;
}

const LOWER_INITIAL_RE = /^\p{Ll}/u;
function startsLowerCase(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_INITIAL_RE.test(w);
}

/** First names with an ASCII capital, first letter lower-cased: "ahmet" finds "Ahmet" without building it. */
const FIRST_NAMES_DECAPITALISED = new Set(
  [...FIRST_NAMES].filter((n) => /^[A-Z]/.test(n)).map((n) => n.charAt(0).toLowerCase() + n.slice(1)),
);

/** FIRST_NAMES.has(capitalise(w)), without the new string when w starts with an ASCII letter. */
function isCapitalisedFirstName(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 97 && c <= 122) return FIRST_NAMES_DECAPITALISED.has(w);
  return FIRST_NAMES.has(capitalise(w));
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
