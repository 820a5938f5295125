/**
 * All matches of a global regular expression, like `text.matchAll(re)` but without the copy of the
 * expression that `matchAll` makes on every call, which costs more than the whole scan of a short
 * report. The expression's `lastIndex` is reset before and after; callers must not share it while
 * iterating, which holds because everything here is synchronous.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global regular expression');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match would loop forever; step over one code point, as matchAll does.
    if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function isHighSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/** A copy of `re` that matches only at `lastIndex` (sticky), for `matchesNear`. */
export function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace('g', '') + 'y');
}

/**
 * The matches a left-to-right scan of the whole text with `re` would find, found by trying `re` only
 * near anchors. Requirements, which each caller states next to its patterns:
 *  - every match of `re` contains a match of `anchor` (a global expression, cheap to search);
 *  - `earliestStart(text, q, floor)` is a position ≥ floor such that no match of `re` whose first
 *    anchor is at q can start before it;
 *  - `canStart(text, p)`, if given, is true wherever a match can start (a cheap filter).
 * Then, with q the first anchor at or after the end of the last match, the next match of the full
 * scan either starts in [earliestStart, q] or after q, so trying each start in that range in order
 * (with the sticky copy `at`) finds it, and nothing else is ever scanned.
 */
export function matchesNear(
  at: RegExp,
  text: string,
  anchor: RegExp,
  earliestStart: (text: string, q: number, floor: number) => number,
  canStart?: (text: string, p: number) => boolean,
): RegExpExecArray[] {
  if (!at.sticky || !anchor.global) throw new TypeError('matchesNear needs a sticky pattern and a global anchor');
  const out: RegExpExecArray[] = [];
  let pos = 0;
  while (pos <= text.length) {
    anchor.lastIndex = pos;
    const a = anchor.exec(text);
    if (!a) break;
    const q = a.index;
    let next = q + 1;
    for (let p = Math.max(pos, earliestStart(text, q, pos)); p <= q; p++) {
      // A scan in Unicode mode never starts between the two halves of a surrogate pair.
      if (at.unicode && isLowSurrogate(text, p) && isHighSurrogate(text, p - 1)) continue;
      if (canStart && !canStart(text, p)) continue;
      at.lastIndex = p;
      const m = at.exec(text);
      if (m) {
        out.push(m);
        next = Math.max(p + m[0].length, p + 1);
        break;
      }
    }
    pos = next;
  }
  anchor.lastIndex = 0;
  at.lastIndex = 0;
  return out;
}

const LETTER_OR_NUMBER_RE = /[\p{L}\p{N}]/u;
const LETTER_RE = /\p{L}/u;
const SPACE_RE = /\s/;

/** Is the code unit at `i` a letter or number? Halves of surrogate pairs count as yes (erring wide). */
export function isLetterOrNumberAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return LETTER_OR_NUMBER_RE.test(text[i]!);
}

/** Is the code unit at `i` a letter? Halves of surrogate pairs count as yes (erring wide). */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return LETTER_RE.test(text[i]!);
}

/** Is the code unit at `i` whitespace as `\s` means it? */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === c && SPACE_RE.test(text[i]!);
}
