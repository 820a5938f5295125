import { latinDigits } from '../../../shared/digits';

/**
 * Text as the danger check reads it: one spelling for the many a phone keyboard produces. Case, accents and
 * diacritics go (people type "dovuyorlar" for "dövüyorlar", "pesimden" for "peşimden"); Arabic and Persian
 * letter forms are unified (ي ی ى, ك ک, ة ه, hamza carriers, tatweel, the half-space); Arabic and Persian
 * digits become Latin; a letter typed three times or more counts once ("hilfeeee"); Latin look-alikes
 * inside a Cyrillic word become Cyrillic ("допоможiть" with a Latin i). Apostrophes are dropped, so "б'ють",
 * "бють" and "б’ють" are one word, as are "they're" and "theyre".
 */
export function fold(text: string): string {
  let s = latinDigits(text.normalize('NFKC'))
    .replace(/[’‘`´ʼ]/g, "'")
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/ø/g, 'o')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
  s = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/[ةۀ]/g, 'ه')
    .replace(/[ٱإأآ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[\u0640\u200c\u200d\u200e\u200f]/g, '')
    .replace(/'/g, '');
  return s.replace(/(\p{L})\1{2,}/gu, '$1');
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LOOK_ALIKES: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к' };

/** The folded words of a text, in order. */
export function tokenise(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (CYRILLIC.test(word) ? word.replace(/[aceiopxyk]/g, (ch) => LOOK_ALIKES[ch] ?? ch) : word));
}
