/**
 * The classifier's tokens: words (letters and marks, with inner hyphens, apostrophes and the Persian
 * zero-width non-joiner), runs of digits, and single other characters (punctuation is context too:
 * "Ansprechpartner: X", "mein Mann, X Y,"). Whitespace is no token, but a line break is remembered.
 */
export interface TagToken {
  text: string;
  start: number;
  end: number;
  /** A line break between the previous token and this one. */
  newline: boolean;
}

const TOKEN_RE = /[\p{L}\p{M}](?:[\p{L}\p{M}\u200c]|[-'’ʼ](?=[\p{L}]))*|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tagTokens(text: string): TagToken[] {
  const out: TagToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let last = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const newline = text.slice(last, m.index).includes('\n');
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, newline });
    last = m.index + m[0].length;
  }
  return out;
}
