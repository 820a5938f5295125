/**
 * The text the recognizers read: Arabic-Indic (٠–٩) and Persian (۰–۹) digits, fullwidth digits and the
 * Arabic decimal and thousands separators become their ASCII counterparts, and the invisible direction
 * marks that right-to-left keyboards put around numbers become spaces. Every replacement is one UTF-16
 * code unit for one, so offsets found in the normalised text are offsets in the original.
 */
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const FULLWIDTH_ZERO = 0xff10;

function replacement(c: number): string | undefined {
  if (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_ZERO + 9) return String.fromCharCode(48 + c - ARABIC_INDIC_ZERO);
  if (c >= PERSIAN_ZERO && c <= PERSIAN_ZERO + 9) return String.fromCharCode(48 + c - PERSIAN_ZERO);
  if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9) return String.fromCharCode(48 + c - FULLWIDTH_ZERO);
  if (c === 0x066b) return '.'; // Arabic decimal separator
  if (c === 0x066c) return ','; // Arabic thousands separator
  if (c === 0x200e || c === 0x200f || c === 0x061c) return ' '; // left-to-right, right-to-left, Arabic letter mark
  return undefined;
}

const NEEDS_WORK_RE = /[\u0660-\u066c\u06f0-\u06f9\uff10-\uff19\u200e\u200f\u061c]/;

export function normaliseForRecognizers(text: string): string {
  if (!NEEDS_WORK_RE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += replacement(c) ?? text[i];
  }
  return out;
}
