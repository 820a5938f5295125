/**
 * Leichte Sprache is set one sentence per line (Netzwerk Leichte Sprache): a reader who loses the line finds
 * the next sentence at the start of the next one. The texts are written as plain sentences; this puts a line
 * break after each, and the pages render the breaks (`.easy-read` in `web/styles.css`).
 */

/** Words after which a full stop ends an abbreviation, not a sentence ("z. B. Jobcenter", "Art. 9"). */
const ABBREVIATIONS = new Set(['art', 'abs', 'nr', 'bzw', 'ca', 'dr', 'evtl', 'ggf', 'inkl', 'st', 'usw', 'vgl']);

/** A sentence end: `.`, `?` or `!` (and a closing quote), spaces, then what can begin a sentence. */
const SENTENCE_END = /([.?!…]["“”»]?)[ \t]+(?=[\p{Lu}\p{N}„"«({])/gu;

export function easyReadLines(text: string): string {
  return text.replace(SENTENCE_END, (whole, end: string, offset: number) => {
    if (end === '.') {
      const word = /([\p{L}\p{N}]+)$/u.exec(text.slice(0, offset))?.[1] ?? '';
      // "z. B.", "Art.", and ordinals such as "1. Januar" are not sentence ends.
      if (/^\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase()) || /^\d{1,2}$/.test(word)) return whole;
    }
    return `${end}\n`;
  });
}
