import { before } from '../context';
import type { Candidate, ScanInput } from '../types';
import { allMatches, matchesNear, sticky } from '../scan';

/**
 * German licence plates: district (1–3 letters), 1–2 letters, 1–4 digits, optional E (electric) or
 * H (historic). Upper case only without context, because lower-case "bin um 12" has the same shape;
 * with a context word ("Kennzeichen", "plate", "plaka"...) lower case counts too. The parts may be
 * joined by a dash, a space, or a dash with spaces around it ("AC - KL 4711").
 */
const PLATE_RE =
  /(?<![\p{L}\p{N}-])([A-ZÄÖÜ]{1,3})(?:\s?-\s?|\s)([A-Z]{1,2})(?:\s?-\s?|\s)?([1-9]\d{0,3}[EH]?)(?![\p{L}\p{N}])/giu;
/**
 * Anchored scan (see matchesNear): every plate holds a digit 1-9, its first one at most 11 characters
 * after the start (3 district letters, 3 separator characters, 2 letters, 3 separator characters).
 */
const PLATE_AT = sticky(PLATE_RE);
const NONZERO_DIGIT_RE = /[1-9]/g;
const plateStart = (_text: string, q: number): number => q - 11;
const PLATE_CONTEXT_RE =
  /(kennzeichen|nummernschild|plate|plaka|номер|номерн|لوحة|پلاک|rejestrac|numery|immatricul|plaque|voiture|auto|wagen|fahrzeug|car\b|araba|машин|авто|سيارة|ماشین|samoch)/;
/**
 * Plates of neighbouring and origin countries. Belgian ("1-KTN-482") and French ("AB-123-CD") shapes
 * are distinctive; Polish ("SK 4821H"), Ukrainian ("AA 4521 KX"), Dutch and Turkish ("34 ABC 123")
 * ones look like other codes and need a plate word before them.
 */
const FOREIGN_DISTINCT_RE = /(?<![\p{L}\p{N}-])(?:[1-9]-[A-Z]{3}-\d{3}|[A-Z]{2}-\d{3}-[A-Z]{2})(?![\p{L}\p{N}-])/gu;
const FOREIGN_CUED_RE =
  /(?<![\p{L}\p{N}-])(?:[A-Z]{2} ?\d{4} ?[A-Z]{2}|[A-Z]{2,3} ?(?=[0-9A-Z]{0,4}\d)[0-9][0-9A-Z]{3,4}|\d{2} ?[A-Z]{1,3} ?\d{2,4}|[A-Z]{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d)(?![\p{L}\p{N}-])/gu;
/** Upper-case abbreviations that precede a number in ordinary text. */
const NOT_DISTRICTS = new Set([
  'RE',
  'RB',
  'S',
  'U',
  'ICE',
  'IC',
  'EC',
  'KW',
  'NR',
  'TEL',
  'EM',
  'WM',
  'NRW',
  'AG',
  'GMBH',
  'ID',
]);

export function recognizeLicencePlate({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matchesNear(PLATE_AT, text, NONZERO_DIGIT_RE, plateStart)) {
    const [whole, district, letters] = m as unknown as [string, string, string];
    const upper = whole === whole.toUpperCase();
    const context = PLATE_CONTEXT_RE.test(before(text, m.index, 40));
    if (!upper && !context) continue;
    if (NOT_DISTRICTS.has(district.toUpperCase()) && !context) continue;
    if (/[ÄÖÜ]/i.test(letters)) continue;
    out.push({ type: 'licence_plate', start: m.index, end: m.index + whole.length, score: context ? 0.85 : 0.7 });
  }
  for (const m of allMatches(FOREIGN_DISTINCT_RE, text)) {
    out.push({ type: 'licence_plate', start: m.index, end: m.index + m[0].length, score: 0.75 });
  }
  for (const m of allMatches(FOREIGN_CUED_RE, text)) {
    if (!PLATE_CONTEXT_RE.test(before(text, m.index, 40))) continue;
    out.push({ type: 'licence_plate', start: m.index, end: m.index + m[0].length, score: 0.7 });
  }
  return out;
}
