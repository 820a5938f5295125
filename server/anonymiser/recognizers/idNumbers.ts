import {
  isValidGermanDocumentNumber,
  isValidGermanTaxId,
  isValidHealthInsuranceNumber,
  isValidPensionInsuranceNumber,
} from '../checksums';
import { allMatches } from '../scan';
import type { Candidate, EntityType, ScanInput } from '../types';
import { GENERIC_NUMBER_WORD_RE, NUMBER_CUES } from './numberCues';

/**
 * Identity documents, file numbers, tax, insurance, customer and membership numbers. Three kinds of
 * evidence: a check digit (tax ID, document serial, pension and health insurance numbers); a shape that
 * only such numbers have ("36201BG0047113" for a Jobcenter household, "AC-2024-0331876" for a police
 * file, "28 030691 B 514" for a pension number); and a cue word of any portal language before the
 * number in the same sentence ("Aktenzeichen", "dosya numaram", "номер дела", "شماره پرونده").
 */

/**
 * Number-like tokens: groups of ASCII letters and digits joined by one '.', '-', '/' or space; a space
 * joins only where a digit group follows ("AZ 41-2217/22", "28 030691 B 514", "55 017 209").
 */
const TOKEN_RE =
  /(?<![\p{L}\p{N}@._/-])[A-Za-z0-9]+(?:(?:[./-]|\/\/)[A-Za-z0-9]+|[ \u00a0](?=[A-Za-z]?\d|[A-Z] \d)[A-Za-z0-9]+)*(?![\p{L}\p{N}]|[./-][A-Za-z0-9])/gu;

/**
 * Shapes that need no cue, checked on the token without separators. The first four belong to one kind
 * of number only and win over a cue; the last is checked after the cues.
 */
const SHAPES: [EntityType, RegExp, number][] = [
  // Jobcenter: customer number (3 digits, letter, 6 digits) and household ("BG") number.
  ['id_number', /^\d{3}[A-Z]\d{6}$/, 0.85],
  ['id_number', /^\d{5}BG\d{7}$/, 0.9],
  // Police and court files: district, year, serial ("AC-2024-0331876").
  ['id_number', /^[A-Z]{1,3}-(?:19|20)\d{2}-\d{4,8}$/, 0.85],
  // Pension insurance number, spaced as printed ("28 030691 B 514").
  ['insurance_number', /^\d{2}\d{6}[A-Z]\d{3}$/, 0.85],
  // Health insurance number: a letter and nine digits.
  ['insurance_number', /^[A-Z]\d{9}$/, 0.8],
];
/** The tax ID as printed on letters: "57 418 230 966" (checked on the raw token). */
const TAX_ID_PRINTED_RE = /^\d{2} \d{3} \d{3} \d{3}$/;
/**
 * Document serials: 8–10 capitals and digits starting with a letter, with at least four digits and
 * letters among the rest, or one letter and 8 digits ("Y7K3L9M02", "A09482716"); words never look so.
 */
function isDocumentSerial(compact: string): boolean {
  if (!/^[A-Z][A-Z0-9]{7,9}$/.test(compact)) return false;
  const digits = compact.replace(/\D/g, '').length;
  if (digits < 4) return false;
  const letters = compact.length - digits;
  return letters >= 2 || /^[A-Z]\d{8}$/.test(compact);
}

/** A date, a time, a year, an amount: never an ID, cue or not. */
function looksLikeOrdinaryNumber(raw: string, compact: string): boolean {
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(raw) || /^\d{4}[./-]\d{1,2}[./-]\d{1,2}$/.test(raw)) return true;
  if (/^(?:19|20)\d{2}$/.test(compact)) return true;
  if (/^\d{1,3}(?:[. ]\d{3})+(?:,\d{2})?$/.test(raw) && !/^\d{2} \d{3} \d{3}/.test(raw)) return false;
  return false;
}

const DIGIT_RE = /\d/g;
/** Files of prosecutors and courts: department, register, number/year ("3 Js 1234/24", "12 O 345/22"). */
const COURT_FILE_RE =
  /(?<![\p{L}\p{N}])\d{1,3} (?:Js|UJs|Ds|Cs|Ls|KLs|Ns|AR|VRs|O|C|F|S|K) \d{1,6}\/\d{2}(?![\p{L}\p{N}])/gu;

export function recognizeIdNumbers({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d/.test(text)) return out;
  const lower = text.toLowerCase();
  let pos = 0;
  for (;;) {
    DIGIT_RE.lastIndex = pos;
    const digit = DIGIT_RE.exec(text);
    if (!digit) break;
    // Back to where a token holding this digit could start, then find it.
    // No number is longer than 40 characters, so no token holding this digit starts further back.
    let from = digit.index;
    const floor = Math.max(pos, digit.index - 40);
    while (from > floor && /[A-Za-z0-9./ -]/.test(text[from - 1]!)) from--;
    // The first token that reaches the digit: earlier ones on the way are words without digits.
    TOKEN_RE.lastIndex = from;
    let m = TOKEN_RE.exec(text);
    while (m && m.index + m[0].length <= digit.index) m = TOKEN_RE.exec(text);
    if (!m || m.index > digit.index) {
      pos = digit.index + 1;
      continue;
    }
    considerToken(text, lower, m[0], m.index, out);
    pos = Math.max(m.index + m[0].length, digit.index + 1);
  }
  TOKEN_RE.lastIndex = 0;
  for (const m of allMatches(COURT_FILE_RE, text)) {
    out.push({ type: 'id_number', start: m.index, end: m.index + m[0].length, score: 0.9 });
  }
  return out;
}

/** Trailing words the token regex may join when a number follows ("KF-1187 ab 2020"): cut at a lower-case word. */
function trimToken(raw: string): string {
  const cut = raw.search(/ [a-z]/);
  return cut > 0 ? raw.slice(0, cut) : raw;
}

/**
 * Leading words without a digit that the space rule joined ("ist 36201…", "Versichertennummer K28…") are
 * not part of the number; "AZ" (Aktenzeichen) before a file number is, as printed on the letter.
 */
function leadingWords(raw: string): number {
  let cut = 0;
  for (const g of raw.split(' ')) {
    if (/\d/.test(g) || g === 'AZ') break;
    cut += g.length + 1;
  }
  return Math.min(cut, raw.length);
}

function considerToken(text: string, lower: string, rawToken: string, tokenStart: number, out: Candidate[]): void {
  const skip = leadingWords(rawToken);
  const start = tokenStart + skip;
  const raw = trimToken(rawToken.slice(skip));
  if (!raw) return;
  const compact = raw.replace(/[ \u00a0./-]/g, '');
  const upper = compact.toUpperCase();
  const end = start + raw.length;
  const push = (type: EntityType, score: number): void => {
    out.push({ type, start, end, score });
  };

  if (/^\d{11}$/.test(raw) && isValidGermanTaxId(raw)) return push('tax_id', 0.95);
  if (/^[A-Za-z0-9]{9}$/.test(raw) && /\d/.test(raw) && isValidGermanDocumentNumber(raw)) return push('id_number', 0.9);
  if (/^\d{8}[A-Za-z]\d{3}$/.test(raw) && isValidPensionInsuranceNumber(raw)) return push('insurance_number', 0.95);
  if (/^[A-Za-z]\d{9}$/.test(raw) && isValidHealthInsuranceNumber(raw)) return push('insurance_number', 0.9);
  if (TAX_ID_PRINTED_RE.test(raw)) return push('tax_id', 0.85);

  for (const [type, re, score] of SHAPES.slice(0, 4)) if (re.test(compact)) return push(type, score);
  const cue = cueBefore(lower, start);
  // A cue names the kind of number; it wins over a shape that another kind may share.
  if (cue && isCuedNumber(raw, compact, cue.type)) return push(cue.type, 0.8);
  for (const [type, re, score] of SHAPES.slice(4)) if (re.test(compact)) return push(type, score);
  if (isDocumentSerial(compact) && compact === upper) return push('id_number', 0.75);
  // A code of letters and digits after a plain word for "number" ("Nr. KD-4471-A", "numara TR88Q12").
  const mixed = /[A-Za-z]/.test(compact) && compact.replace(/\D/g, '').length >= 4 && compact.length >= 6;
  if (mixed && GENERIC_NUMBER_WORD_RE.test(lower.slice(Math.max(0, start - 30), start))) return push('id_number', 0.65);
}

/** What a cue needs to see in the number: enough digits, and not a date, a year or a time. */
function isCuedNumber(raw: string, compact: string, type: EntityType): boolean {
  const digits = compact.replace(/\D/g, '').length;
  if (looksLikeOrdinaryNumber(raw, compact)) return false;
  if (type === 'account') return digits >= 4 && compact.length >= 5;
  if (type === 'tax_id') return digits >= 8;
  return digits >= 4 && compact.length >= 5;
}

/**
 * The cue before a number: the nearest cue phrase that ends at most 40 characters before it, within the
 * sentence, with no other number in between ("Номер пенсионного страхования 65 120458 B 019",
 * "Mein Aktenzeichen ist 32.1-4418/19", "تاريخ"-free Arabic "رقم الملف 32.2-5590/21").
 */
function cueBefore(lower: string, start: number): { type: EntityType } | undefined {
  const window = lower.slice(Math.max(0, start - 60), start);
  // The sentence so far: after the last full stop followed by a space, "!", "?" or a line break.
  const sentenceStart = Math.max(
    window.lastIndexOf('. '),
    window.lastIndexOf('!'),
    window.lastIndexOf('?'),
    window.lastIndexOf('\n'),
  );
  const clause = window.slice(sentenceStart + 1);
  let best: { type: EntityType; at: number } | undefined;
  for (const [type, re] of NUMBER_CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m; m = re.exec(clause)) {
      const after = m.index + m[0].length;
      // Cues may overlap ("numéro de compte client"): the next try starts one character on.
      re.lastIndex = m.index + 1;
      if (clause.length - after > 40) continue;
      if (/\d{2}/.test(clause.slice(after))) continue;
      if (!best || after > best.at) best = { type, at: after };
    }
  }
  return best;
}
