/**
 * Arabic-Indic (٠–٩) and Persian (۰–۹) digits as the Latin digits the checks and the database use: a
 * person typing a year on an Arabic or Persian keyboard writes ٢٠٢٦ or ۲۰۲۶, and means 2026.
 */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}
