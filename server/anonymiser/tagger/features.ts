import type { Locale } from '../../../shared/locales';
import { lexiconClasses } from './lexicon';
import type { TagToken } from './tokens';

/**
 * What the classifier sees of each token: the word, its shape, script and capitalisation (and whether
 * capitals mean anything in the language: German capitalises every noun, Arabic and Persian have none),
 * its place in the sentence, its prefix and suffixes, the lists it is on, the same for two tokens on either
 * side, and what the older rule-based recognizers said about it. Training and tagging use this one
 * function, so what the weights were learned on is what they are applied to.
 */
export interface TokenView {
  lw: string;
  shape: string;
  cap: string;
  script: string;
  lex: string[];
  /** The rule-based recognizers' hint: 'n' name, 'o' workplace, '' none. */
  rule: string;
  sentenceStart: boolean;
  newline: boolean;
  /** The whole text is written without capitals. */
  lowerText: boolean;
  /** What the token's own features depend on, as one string: the key of the classifier's per-word cache. */
  key: string;
}

const CAP_GROUP: Record<Locale, string> = {
  de: 'N',
  'de-LS': 'N',
  en: 'C',
  fr: 'C',
  tr: 'C',
  pl: 'C',
  ru: 'C',
  uk: 'C',
  ar: 'X',
  fa: 'X',
};

function scriptOf(c: number): string {
  if (c >= 48 && c <= 57) return 'D';
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) return 'L';
  if (c >= 0x400 && c <= 0x52f) return 'C';
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff)) return 'A';
  if (c < 0x80) return 'P';
  return /\p{L}/u.test(String.fromCharCode(c)) ? 'O' : 'P';
}

const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

function capOf(w: string): string {
  const first = w[0]!;
  if (!UPPER_RE.test(first)) return LOWER_RE.test(first) ? 'l' : 'n';
  if (w.length > 1 && !LOWER_RE.test(w)) return 'A';
  return LOWER_RE.test(w.slice(1)) || w.length === 1 ? 'U' : 'A';
}

/** "Xx", "X.", "dd-dd", "x'x": classes of characters with repeats collapsed. */
const LETTER_OR_MARK_RE = /\p{L}|\p{M}/u;
function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c < 128) return ch;
  if (UPPER_RE.test(ch)) return 'X';
  if (LOWER_RE.test(ch)) return 'x';
  return LETTER_OR_MARK_RE.test(ch) ? 'a' : ch;
}

function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const k = charClass(ch);
    if (k !== last) out += k;
    last = k;
    if (out.length >= 6) break;
  }
  return out;
}

const SENTENCE_END = new Set(['.', '!', '?', ':', '…', '؟', '"', '“', '”', '„', '«', '»', '(', ')', '-', '–']);

/**
 * Texts typed all in lower case (as on a phone) have lower-case names; elsewhere a lower-case word is
 * almost never one. The share of words that start with a capital tells the two apart.
 */
function writtenInLowerCase(tokens: readonly TagToken[]): boolean {
  let letters = 0;
  let capitals = 0;
  for (const t of tokens) {
    const c = t.text.charCodeAt(0);
    if (c < 65 || (c > 90 && c < 97) || (c > 122 && c < 0xc0) || c > 0x52f) continue;
    letters++;
    if (UPPER_RE.test(t.text[0]!)) capitals++;
  }
  return letters >= 3 && capitals / letters < 0.08;
}

export function viewTokens(tokens: readonly TagToken[], ruleHints: readonly string[]): TokenView[] {
  const views: TokenView[] = [];
  const lowerText = writtenInLowerCase(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lw = t.text.toLowerCase();
    const script = scriptOf(t.text.charCodeAt(0));
    const prev = tokens[i - 1];
    const shape = shapeOf(t.text);
    const cap = script === 'L' || script === 'C' ? capOf(t.text) : 'n';
    views.push({
      key: `${cap}${script}${shape}\u0000${lw}`,
      lw,
      shape,
      cap,
      script,
      lex: script === 'D' || script === 'P' ? [] : lexiconClasses(lw),
      rule: ruleHints[i] ?? '',
      sentenceStart: !prev || t.newline || SENTENCE_END.has(prev.text),
      newline: t.newline,
      lowerText,
    });
  }
  return views;
}

/** Name-list classes, which training switches off at random so that context carries weight too. */
export const NAME_LIST_CLASSES = new Set(['G', 'GA', 'F', 'GP', 'GS', 'FS']);

const PAD: TokenView = {
  lw: '<pad>',
  shape: '',
  cap: 'n',
  script: 'P',
  lex: [],
  rule: '',
  sentenceStart: false,
  newline: false,
  lowerText: false,
  key: '<pad>',
};

/** Features of a token that depend on the token alone (and the language). */
export function localFeatures(v: TokenView, locale: Locale): string[] {
  const group = CAP_GROUP[locale];
  const capHere = `${v.cap}${v.script}`;
  const f = ['b', `L${locale}`, `w${v.lw}`, `s${v.shape}`, `c${capHere}`, `cg${capHere}${group}`];
  const w = v.lw;
  if (w.length > 3) {
    f.push(`x2${w.slice(-2)}`, `x3${w.slice(-3)}`, `p3${w.slice(0, 3)}`);
    if (w.length > 4) f.push(`x4${w.slice(-4)}`);
  }
  f.push(`n${w.length > 12 ? 12 : w.length}${v.script}`);
  for (const c of v.lex) f.push(`g${c}`, `gc${c}${v.cap}${group}`);
  if (v.lex.length === 0) f.push(`g0${v.cap}${v.script}`);
  return f;
}

/** Features a token gives the token `offset` places away from it (-2, -1, +1, +2). */
export function neighbourFeatures(n: TokenView, offset: -2 | -1 | 1 | 2): string[] {
  switch (offset) {
    case -1:
      return [`w-${n.lw}`, `c-${n.cap}${n.script}`, `s-${n.shape}`, ...n.lex.map((c) => `g-${c}`)];
    case 1:
      return [`w+${n.lw}`, `c+${n.cap}${n.script}`, `s+${n.shape}`, ...n.lex.map((c) => `g+${c}`)];
    case -2:
      return [`w=${n.lw}`, ...n.lex.map((c) => `g=${c}`)];
    case 2:
      return [`w#${n.lw}`, ...n.lex.map((c) => `g#${c}`)];
  }
}

/**
 * Features that join a token with its neighbours or its place in the text. The first group takes few
 * values (capitalisation, position, the rules' hints): the classifier looks those up in small tables;
 * the second names words and is built per token.
 */
export function shapeContextFeatures(views: readonly TokenView[], i: number, locale: Locale): string[] {
  const v = views[i]!;
  const p1 = views[i - 1] ?? PAD;
  const n1 = views[i + 1] ?? PAD;
  const group = CAP_GROUP[locale];
  const f = [
    `lt${v.lowerText ? 1 : 0}${v.cap}${group}`,
    `ss${v.sentenceStart ? 1 : 0}${v.cap}${group}`,
    `cc${p1.cap}${v.cap}${n1.cap}${group}`,
    `r${v.rule}`,
    `r-${p1.rule}`,
    `r+${n1.rule}`,
  ];
  if (v.newline) f.push('nl');
  return f;
}

/** The key under which shapeContextFeatures' weights are kept: its result depends on nothing else. */
export function shapeContextKey(views: readonly TokenView[], i: number, locale: Locale): string {
  const v = views[i]!;
  const p1 = views[i - 1] ?? PAD;
  const n1 = views[i + 1] ?? PAD;
  return `${locale}${v.lowerText ? 1 : 0}${v.sentenceStart ? 1 : 0}${v.newline ? 1 : 0}${p1.cap}${v.cap}${n1.cap}${p1.rule || '_'}${v.rule || '_'}${n1.rule || '_'}`;
}

export function wordContextFeatures(views: readonly TokenView[], i: number): string[] {
  const v = views[i]!;
  const p1 = views[i - 1] ?? PAD;
  const p2 = views[i - 2] ?? PAD;
  const n1 = views[i + 1] ?? PAD;
  const f = [`W-${p2.lw}|${p1.lw}`, `wc-${p1.lw}|${v.cap}`, `wc+${n1.lw}|${v.cap}`];
  for (const c of p1.lex) f.push(`g-${c}|${v.cap}`);
  f.push(`gg${p1.lex[0] ?? '0'}|${v.lex[0] ?? '0'}|${n1.lex[0] ?? '0'}`);
  return f;
}

export function contextFeatures(views: readonly TokenView[], i: number, locale: Locale): string[] {
  return [...shapeContextFeatures(views, i, locale), ...wordContextFeatures(views, i)];
}

/** Every feature of token i, as strings: what training sees. */
export function featuresAt(views: readonly TokenView[], i: number, locale: Locale): string[] {
  return [
    ...localFeatures(views[i]!, locale),
    ...neighbourFeatures(views[i - 1] ?? PAD, -1),
    ...neighbourFeatures(views[i + 1] ?? PAD, 1),
    ...neighbourFeatures(views[i - 2] ?? PAD, -2),
    ...neighbourFeatures(views[i + 2] ?? PAD, 2),
    ...contextFeatures(views, i, locale),
  ];
}

export { PAD as PAD_VIEW };
