import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Translate } from './i18n/translate';

/**
 * The reporter's own check on the review screen: after the anonymiser, a person can mark any further word to
 * remove. The browser (to show it) and the server (to store it) apply the marks with this one function, and
 * the form carries a digest of the texts as shown, so the server stores exactly what the person saw or
 * nothing at all.
 */

/** Offsets in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** A highlighted part of a stored text: replaced by the anonymiser, or removed by the reporter. */
export interface Mark extends Span {
  kind: 'replaced' | 'removed';
}

export interface MarkedText {
  text: string;
  marks: Mark[];
}

/** Word indices the reporter removed, per free-text field. */
export interface Removed {
  description: number[];
  consequences: number[];
}

export const NOTHING_REMOVED: Removed = { description: [], consequences: [] };

/**
 * A word: letters, marks and digits, joined by the punctuation that sits inside names, e-mail addresses and
 * numbers ("Meyer-Lüdenscheidt", "a.b@c.de", "0176/123"). Punctuation around words stays in the text.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’.@_/:+][\p{L}\p{M}\p{N}]+)*/gu;

/** Between two removed words only blanks: they become one placeholder, so the count of words is not kept. */
const JOINABLE_GAP = /^[ \t\u00a0]*$/;

/** The words a reporter can remove: every word outside the anonymiser's placeholders. */
export function removableWords(text: string, placeholders: readonly Span[]): Span[] {
  const words: Span[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    if (placeholders.some((p) => p.start < end && start < p.end)) continue;
    words.push({ start, end });
  }
  return words;
}

/**
 * The text with the removed words replaced by `placeholder` (neighbours separated by blanks only become one),
 * and every highlighted part: the anonymiser's placeholders moved to their new places, and the new ones.
 * Indices that name no word are ignored.
 */
export function applyRemovals(
  text: string,
  placeholders: readonly Span[],
  removed: readonly number[],
  placeholder: string,
): MarkedText {
  const words = removableWords(text, placeholders);
  const chosen = new Set(removed.filter((i) => Number.isInteger(i) && i >= 0 && i < words.length));
  const groups: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!chosen.has(i)) continue;
    const word = words[i]!;
    const last = groups[groups.length - 1];
    if (last && chosen.has(i - 1) && JOINABLE_GAP.test(text.slice(last.end, word.start))) last.end = word.end;
    else groups.push({ ...word });
  }

  const cuts: (Span & { kind: Mark['kind'] })[] = [
    ...placeholders.map((p) => ({ start: p.start, end: p.end, kind: 'replaced' as const })),
    ...groups.map((g) => ({ ...g, kind: 'removed' as const })),
  ].sort((a, b) => a.start - b.start);

  let out = '';
  let at = 0;
  const marks: Mark[] = [];
  for (const cut of cuts) {
    out += text.slice(at, cut.start);
    const shown = cut.kind === 'removed' ? placeholder : text.slice(cut.start, cut.end);
    marks.push({ start: out.length, end: out.length + shown.length, kind: cut.kind });
    out += shown;
    at = cut.end;
  }
  out += text.slice(at);
  return { text: out, marks };
}

/** The reporter's own removals read like the anonymiser's placeholders, in the page's language: "[entfernt]". */
export function removalPlaceholder(t: Translate): string {
  return `[${t('review.removed_placeholder')}]`;
}

/** What the review screen shows and the send button promises: the stored texts, as a digest. */
export function reviewDigest(description: string, consequences: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${description}\u0000${consequences}`)));
}

/**
 * Which words a list of removals refers to: the same words give the same key, even when the placeholders
 * around them are in another language, so a person's marks survive a language switch but never land on
 * other words.
 */
export function wordsKey(text: string, placeholders: readonly Span[]): string {
  const words = removableWords(text, placeholders).map((w) => text.slice(w.start, w.end));
  return bytesToHex(sha256(utf8ToBytes(words.join('\u0000')))).slice(0, 32);
}

/** "3 4 17" as the form carries it; anything that is not a small whole number is dropped. */
export function parseRemoved(value: unknown): number[] {
  if (typeof value !== 'string') return [];
  const list = value
    .split(/[\s,]+/)
    .filter((s) => /^\d{1,6}$/.test(s))
    .map(Number);
  return [...new Set(list)].sort((a, b) => a - b);
}

export function formatRemoved(list: readonly number[]): string {
  return [...list].sort((a, b) => a - b).join(' ');
}

/** Line endings as a browser posts a textarea (CRLF) and stray blanks at the ends do not make a text "changed". */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();
  return norm(a) === norm(b);
}
