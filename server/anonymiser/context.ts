/** Helpers for context words: recognizers look a short window left of a candidate, as Presidio does. */

/** The `window` characters before `start`, lower-cased. */
export function before(text: string, start: number, window = 40): string {
  return text.slice(Math.max(0, start - window), start).toLowerCase();
}

export function after(text: string, end: number, window = 40): string {
  return text.slice(end, end + window).toLowerCase();
}

/** True when a letter or digit touches the span, i.e. the match is part of a longer token. */
export function isGlued(text: string, start: number, end: number): boolean {
  const l = text[start - 1];
  const r = text[end];
  return (l !== undefined && /[\p{L}\p{N}_]/u.test(l)) || (r !== undefined && /[\p{L}\p{N}_]/u.test(r));
}
