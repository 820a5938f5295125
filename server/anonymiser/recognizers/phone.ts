import { before } from '../context';
import type { Candidate, ScanInput } from '../types';
import { allMatches } from '../scan';

/**
 * Phone numbers. German numbers start with 0 (or +49/0049); international ones with + or 00.
 * Numbers with neither need a phone context word or a clear national pattern (US 3-3-4, Chinese
 * mobile), because reports are full of dates, prices, years, bus lines and times.
 */
const PHONE_RE = /(?<![\p{L}\p{N}+\-/.,])(?:\+|00)?\(?\d[\d\s\-/.()]{4,22}\d(?![\p{L}\p{N}]|[.,]\d)/gu;
const PHONE_CONTEXT_RE =
  /(tel|telefon|handy|mobil|nummer|number|phone|call|whatsapp|signal|telegram|anruf|angerufen|ruf|cep|numara|номер|тел|телефон|رقم|هاتف|جوال|موبايل|شماره|تلفن|موبایل|numer|komórk|numéro|portable|fax)/;
/**
 * A number right after the label of another kind of number is that number: bank codes ("BLZ 390 500
 * 00"), account, customer and file numbers. Those are removed by their own recognizers or, like bank
 * codes, identify nobody.
 */
const OTHER_NUMBER_LABEL_RE =
  /(?:blz|bankleitzahl|bic|swift|sort code|kontonummer|konto-?nr\.?|kundennummer|kunden-?nr\.?|aktenzeichen|az\.|vorgangsnummer|vorgangs-?nr\.?|steuer-?id|steuernummer|iban|versicherungsnummer|rechnungsnummer|bestellnummer|auftragsnummer)\s*[:.]?\s*$/;
const DATE_LIKE_RE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const TIME_OR_RANGE_RE = /^\d{1,2}[.:]\d{2}(\s*[-–]\s*\d{1,2}[.:]\d{2})?$/;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Trim a whitespace/separator tail and unbalanced brackets the greedy regex picked up. */
function tidy(raw: string): string {
  let s = raw.replace(/[\s\-/.(]+$/, '');
  if (s.endsWith(')') && !s.includes('(')) s = s.slice(0, -1).replace(/[\s\-/.]+$/, '');
  if (s.startsWith('(') && !s.includes(')')) s = s.slice(1);
  return s;
}

/**
 * Split on runs of two or more spaces or on a space before a group that is too long to belong to
 * the same number is not attempted: reports rarely put two numbers side by side, and when they do
 * both go.
 */
export function recognizePhone({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of allMatches(PHONE_RE, text)) {
    const s = tidy(m[0]);
    const start = m.index;
    const end = start + s.length;
    const digits = digitCount(s);
    if (digits < 6 || digits > 15) continue;
    if (DATE_LIKE_RE.test(s) || TIME_OR_RANGE_RE.test(s)) continue;
    // A year range or list of years ("2019 2020", "1990-1995") is not a phone number.
    if (/^(19|20)\d{2}(\s*[-–/,]\s*|\s+)(19|20)\d{2}$/.test(s)) continue;
    // Grouped thousands ("1.200.000", "10 000") are amounts.
    if (/^\d{1,3}([. ]\d{3})+$/.test(s)) continue;
    const international = /^(\+|00)[1-9]/.test(s);
    const national = /^\(?0[1-9]/.test(s);
    if (!international && OTHER_NUMBER_LABEL_RE.test(before(text, start, 25))) continue;
    const contextual = PHONE_CONTEXT_RE.test(before(text, start, 35));
    let score = 0;
    if (international && digits >= 8) score = 0.8;
    else if (national && digits >= 7) score = 0.75;
    else if (national && digits >= 6 && contextual) score = 0.7;
    else if (/^\(?\d{3}\)?[\s-]?\d{3}-\d{4}$/.test(s)) score = 0.7;
    else if (/^1[3-9]\d{9}$/.test(s)) score = 0.6;
    else if (contextual && digits >= 7) score = 0.6;
    if (score > 0) out.push({ type: 'phone', start, end, score });
  }
  return out;
}
