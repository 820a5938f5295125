import { allMatches } from '../scan';
/** Word tokens with their offsets; hyphens, apostrophes and the Persian zero-width non-joiner stay inside. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{M}](?:[\p{L}\p{M}\u200C]|[-'’](?=[\p{L}]))*/gu;

/** The last text tokenized and its tokens: several recognizers tokenize the same text in a row. */
let cachedText: string | undefined;
let cachedTokens: readonly Token[] = [];

/** The word tokens of `text`; the array is shared between callers and must not be changed. */
export function tokenize(text: string): readonly Token[] {
  if (text === cachedText) return cachedTokens;
  const out: Token[] = [];
  for (const m of allMatches(TOKEN_RE, text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  cachedText = text;
  cachedTokens = out;
  return out;
}

// The checks below answer ASCII (and, for the scripts, everything below the script's first code
// point) without a regular expression; the rest goes to the Unicode property.
export const isCapitalised = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^[\p{Lu}]/u.test(w);
};
export const isLatinOrCyrillic = (w: string): boolean => /^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(w);
export const isArabicScript = (w: string): boolean => w.charCodeAt(0) >= 0x600 && /^\p{Script=Arabic}/u.test(w);
export const isCyrillic = (w: string): boolean => w.charCodeAt(0) >= 0x400 && /^\p{Script=Cyrillic}/u.test(w);
