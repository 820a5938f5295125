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
    /(ausweis|personalausweis|reisepass|pass-?nr|passnummer|pass\b|aufenthaltstitel|aufenthaltserlaubnis|aufenthaltsgestattung|duldung|eat|ankunftsnachweis|bamf|aktenzeichen|passport|residence permit|id card|id number|kimlik|pasaport|oturum|паспорт|вид на жительство|посвідк|документ|جواز|هوية|إقامة|اقامة|پاسپورت|گذرنامه|کارت اقامت|dowód|paszport|karta pobytu|passeport|titre de séjour|carte d'identité|nr\.?|no\.?|numéro|номер|رقم|شماره)[^.!?\n]{0,14}$/,
  ],
];

export function recognizeIdNumbers({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const compact = raw.replace(/[ /-]/g, '');
    const start = m.index;
    const end = start + raw.length;
    if (/^\d{11}$/.test(raw) && isValidGermanTaxId(raw)) {
      out.push({ type: 'tax_id', start, end, score: 0.95 });
      continue;
    }
    if (/^[A-Za-z0-9]{9}$/.test(raw) && /\d/.test(raw) && isValidGermanDocumentNumber(raw)) {
      out.push({ type: 'id_number', start, end, score: 0.9 });
      continue;
    }
    if (/^\d{8}[A-Za-z]\d{3}$/.test(raw) && isValidPensionInsuranceNumber(raw)) {
      out.push({ type: 'insurance_number', start, end, score: 0.95 });
      continue;
    }
    if (/^[A-Za-z]\d{9}$/.test(raw) && isValidHealthInsuranceNumber(raw)) {
      out.push({ type: 'insurance_number', start, end, score: 0.9 });
      continue;
    }
    // Context-based: at least five characters with at least four digits, so "Nr. 3" or "Raum 214"
    // do not qualify but "Y4J8K29LT" or "352D012345" do.
    const digits = compact.replace(/\D/g, '').length;
    if (compact.length < 6 || digits < 4) continue;
    if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(raw) || /^(19|20)\d{2}$/.test(compact)) continue;
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
  return out;
}
