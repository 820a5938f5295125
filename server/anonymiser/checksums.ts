/**
 * Check-digit validators. A number that passes its checksum is personal data even without context
 * words; one that fails is usually a date, price or reference we must leave alone.
 */

/** Letter → number as IBAN and ICAO use it: A=10 … Z=35, digits themselves. */
function alnumValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  return c - 55;
}

/** ISO 13616 mod-97; `iban` is upper-case without spaces. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const v = alnumValue(ch);
    rest = v >= 10 ? (rest * 100 + v) % 97 : (rest * 10 + v) % 97;
  }
  return rest === 1;
}

/**
 * German Steuer-Identifikationsnummer: 11 digits, no leading zero, no digit more than three times in
 * the first ten (the official rule is stricter, but older numbers and test data break it), last digit
 * ISO 7064 MOD 11,10.
 */
export function isValidGermanTaxId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  if ([...counts.values()].some((n) => n > 3)) return false;
  let product = 10;
  for (const d of digits.slice(0, 10)) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}

/** ICAO 9303 7-3-1 check digit over `body` (digits and upper-case letters). */
export function icaoCheckDigit(body: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += alnumValue(body[i]!) * weights[i % 3]!;
  return sum % 10;
}

/**
 * German passport / ID card serial: 9 characters from the restricted alphabet (no vowels except
 * in position… we allow letters CFGHJKLMNPRTVWXYZ and digits), first one a letter, last one the
 * ICAO check digit of the first eight.
 */
export function isValidGermanDocumentNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{7}\d$/.test(v)) return false;
  return icaoCheckDigit(v.slice(0, 8)) === Number(v[8]);
}

function crossSum(n: number): number {
  let s = 0;
  for (let x = n; x > 0; x = Math.floor(x / 10)) s += x % 10;
  return s;
}

/**
 * German pension insurance number (Rentenversicherungsnummer): area (2 digits), birth date DDMMYY,
 * initial letter, serial (2 digits), check digit. The letter counts as its two-digit alphabet index.
 */
export function isValidPensionInsuranceNumber(value: string): boolean {
  const v = value.toUpperCase();
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)$/.exec(v);
  if (!m) return false;
  const day = Number(m[2]);
  const month = Number(m[3]);
  if (month < 1 || month > 12) return false;
  if (!((day >= 1 && day <= 31) || (day >= 51 && day <= 81))) return false;
  const letterIndex = String(v.charCodeAt(8) - 64).padStart(2, '0');
  const digits = v.slice(0, 8) + letterIndex + v.slice(9, 11);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += crossSum(Number(digits[i]) * weights[i]!);
  return sum % 10 === Number(v[11]);
}

/** Health insurance number (Krankenversichertennummer): letter + 8 digits + check digit (Luhn-like, weights 1,2). */
export function isValidHealthInsuranceNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]\d{9}$/.test(v)) return false;
  const digits = String(v.charCodeAt(0) - 64).padStart(2, '0') + v.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += crossSum(Number(digits[i]) * (i % 2 === 0 ? 1 : 2));
  return sum % 10 === Number(v[9]);
}
