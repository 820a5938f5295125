import {
  isValidGermanDocumentNumber,
  isValidGermanTaxId,
  isValidHealthInsuranceNumber,
  isValidPensionInsuranceNumber,
} from '../checksums';
import { before } from '../context';
import type { Candidate, EntityType, ScanInput } from '../types';

/**
 * Identity documents, tax and insurance numbers. Numbers with a check digit (tax ID, passport/ID
 * card serial, pension and health insurance numbers) are found anywhere; anything else number-like
 * needs a document word right before it ("Ausweisnummer", "Aufenthaltstitel Nr.", "pasaport",
 * "паспорт", "جواز", "Kundennummer").
 */
/** Alphanumeric tokens; spaces, slashes and dashes join digit groups only ("201/123/45678", "12 345 678"). */
const TOKEN_RE =
  /(?<![\p{L}\p{N}])[A-Za-z0-9](?:[A-Za-z0-9]|(?<=\d)[ /-](?=\d)|(?<=\d)\/\/(?=\d))*[A-Za-z0-9](?![\p{L}\p{N}])/gu;

const CONTEXTS: [EntityType, RegExp][] = [
  [
    'tax_id',
    /(steuer-?id|steuer-?identifikationsnummer|steuernummer|st\.?-?nr|idnr|tax id|tax number|vergi|налог|инн|податков|ضريب|مالیات|nip|numéro fiscal)[^.!?\n]{0,12}$/,
  ],
  [
    'insurance_number',
    /(versicherungsnummer|versichertennummer|sozialversicherungs|sv-?nummer|rvnr|kvnr|egk|krankenversicherung|rentenversicherung|insurance number|sigorta|страхов|страхуван|تأمين|بیمه|ubezpiecz|pesel|assurance|sécurité sociale)[^.!?\n]{0,12}$/,
  ],
  [
    'account',
    /(kontonummer|konto-?nr|kundennummer|bg-?nummer|bedarfsgemeinschaft|account number|hesap n|номер счёта|номер счета|рахун|رقم حساب|شماره حساب|numer konta|numéro de compte)[^.!?\n]{0,12}$/,
  ],
  [
    'id_number',
    /(ausweis|personalausweis|reisepass|pass-?nr|passnummer|pass\b|aufenthaltstitel|aufenthaltserlaubnis|aufenthaltsgestattung|duldung|eat|ankunftsnachweis|bamf|aktenzeichen|vorgangsnummer|vorgangs-?nr|tagebuchnummer|anzeigennummer|case number|file number|passport|residence permit|id card|id number|kimlik|pasaport|oturum|паспорт|вид на жительство|посвідк|документ|جواز|هوية|إقامة|اقامة|پاسپورت|گذرنامه|کارت اقامت|dowód|paszport|karta pobytu|passeport|titre de séjour|carte d'identité|nr\.?|no\.?|numéro|номер|رقم|شماره)[^.!?\n]{0,14}$/,
  ],
  [
    // File and document numbers are often announced from further away ("Das Aktenzeichen der Polizei lautet ...").
    'id_number',
    /(aktenzeichen|vorgangsnummer|vorgangs-?nr|tagebuchnummer|anzeigennummer|case number|file number|ausweisnummer|passnummer)[^.!?\n]{0,32}$/,
  ],
];

const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Could the character at `i` be part of a TOKEN_RE match? (ASCII letter or digit, or a joiner between digits.) */
function mayBeInToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c !== 32 && c !== 45 && c !== 47) return false;
  if (isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) return true;
  if (c !== 47) return false;
  return (
    (text.charCodeAt(i + 1) === 47 && isDigitAt(text, i - 1) && isDigitAt(text, i + 2)) ||
    (text.charCodeAt(i - 1) === 47 && isDigitAt(text, i - 2) && isDigitAt(text, i + 1))
  );
}

const DIGIT_RE = /\d/g;

/**
 * Every candidate holds a digit, so only tokens around digits are looked at: from each digit the
 * search for TOKEN_RE starts where no token can reach across (left of the digit's run), which finds
 * exactly the tokens a scan of the whole text would find there, without walking every word.
 */
export function recognizeIdNumbers({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  let pos = 0;
  for (;;) {
    DIGIT_RE.lastIndex = pos;
    const digit = DIGIT_RE.exec(text);
    if (!digit) break;
    let from = digit.index;
    while (from > pos && mayBeInToken(text, from - 1)) from--;
    TOKEN_RE.lastIndex = from;
    const m = TOKEN_RE.exec(text);
    if (!m) break;
    considerToken(text, m[0], m.index, out);
    pos = m.index + m[0].length;
  }
  return out;
}

function considerToken(text: string, raw: string, start: number, out: Candidate[]): void {
  const compact = raw.replace(/[ /-]/g, '');
  const end = start + raw.length;
  if (/^\d{11}$/.test(raw) && isValidGermanTaxId(raw)) {
    out.push({ type: 'tax_id', start, end, score: 0.95 });
    return;
  }
  if (/^[A-Za-z0-9]{9}$/.test(raw) && /\d/.test(raw) && isValidGermanDocumentNumber(raw)) {
    out.push({ type: 'id_number', start, end, score: 0.9 });
    return;
  }
  if (/^\d{8}[A-Za-z]\d{3}$/.test(raw) && isValidPensionInsuranceNumber(raw)) {
    out.push({ type: 'insurance_number', start, end, score: 0.95 });
    return;
  }
  if (/^[A-Za-z]\d{9}$/.test(raw) && isValidHealthInsuranceNumber(raw)) {
    out.push({ type: 'insurance_number', start, end, score: 0.9 });
    return;
  }
  // Context-based: at least five characters with at least four digits, so "Nr. 3" or "Raum 214"
  // do not qualify but "Y4J8K29LT" or "352D012345" do.
  const digits = compact.replace(/\D/g, '').length;
  if (compact.length < 6 || digits < 4) return;
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(raw) || /^(19|20)\d{2}$/.test(compact)) return;
  const ctx = before(text, start, 45);
  for (const [type, re] of CONTEXTS) {
    if (re.test(ctx)) {
      // Short generic words ("Nr.", "No.", "номер") only count for alphanumeric tokens.
      if (
        type === 'id_number' &&
        /(nr\.?|no\.?|numéro|номер|رقم|شماره)[^.!?\n]{0,14}$/.test(ctx) &&
        !/(ausweis|pass|aufenthalt|duldung|kimlik|паспорт|جواز|هوية|پاسپورت|dowód|passeport|titre|permit|id )/.test(
          ctx,
        ) &&
        !/[A-Za-z]/.test(compact)
      ) {
        break;
      }
      out.push({ type, start, end, score: 0.7 });
      break;
    }
  }
}
