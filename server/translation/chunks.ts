/**
 * Long texts go to the translator in pieces: a description may be 20 000 characters, more than a model
 * answers in one reply or a LibreTranslate server may take (its character limit). Pieces end at line breaks,
 * else at sentence ends, else at a hard bound; the breaks between them are kept as they were.
 */
export const PIECE_MAX = 2_000;

export interface Piece {
  text: string;
  /** What followed the piece in the original (line breaks, a space), put back after its translation. */
  after: string;
}

export function piecesOf(text: string, max: number = PIECE_MAX): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  for (const unit of unitsOf(text, max)) {
    if (current && current.text.length + current.after.length + unit.text.length <= max) {
      current.text += current.after + unit.text;
      current.after = unit.after;
    } else {
      if (current) pieces.push(current);
      current = { ...unit };
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

export function joinPieces(pieces: Piece[], translated: string[]): string {
  return pieces.map((p, i) => `${translated[i] ?? ''}${p.after}`).join('');
}

/** Lines, then sentences of a line that is too long, then hard cuts of a sentence that still is. */
function unitsOf(text: string, max: number): Piece[] {
  const units: Piece[] = [];
  const parts = text.split(/(\s*\n\s*)/);
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i] ?? '';
    const after = parts[i + 1] ?? '';
    if (line.length <= max) {
      if (line) units.push({ text: line, after });
      else if (units.length) units.at(-1)!.after += after;
      continue;
    }
    const sentences = line.split(/(?<=[.!?؟。])(\s+)/);
    for (let j = 0; j < sentences.length; j += 2) {
      const sentence = sentences[j] ?? '';
      const gap = j + 1 < sentences.length ? (sentences[j + 1] ?? '') : after;
      for (let start = 0; start < sentence.length; start += max) {
        const end = Math.min(start + max, sentence.length);
        units.push({ text: sentence.slice(start, end), after: end === sentence.length ? gap : '' });
      }
    }
  }
  return units;
}

/**
 * Whether a translator's answer can be a translation of the piece at all: not empty, and not many times
 * longer (a model that talks about the text instead of translating it, or runs on). Anything else is taken
 * as it comes and shown marked as a machine's; this only keeps plain nonsense off the pages.
 */
export function plausibleTranslation(source: string, translated: string): boolean {
  const length = translated.trim().length;
  return length > 0 && length <= source.trim().length * 4 + 200;
}
