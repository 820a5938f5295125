/** Word tokens with their offsets; hyphens, apostrophes and the Persian zero-width non-joiner stay inside. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{M}](?:[\p{L}\p{M}\u200C]|[-'’](?=[\p{L}]))*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export const isCapitalised = (w: string): boolean => /^[\p{Lu}]/u.test(w);
export const isLatinOrCyrillic = (w: string): boolean => /^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(w);
export const isArabicScript = (w: string): boolean => /^\p{Script=Arabic}/u.test(w);
export const isCyrillic = (w: string): boolean => /^\p{Script=Cyrillic}/u.test(w);
