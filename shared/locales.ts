/** The languages of the portal (DESIGN.md section 5). `de-LS` is German in Leichte Sprache. */
export const LOCALES = ['de', 'en', 'tr', 'ar', 'ru', 'uk', 'fa', 'pl', 'fr', 'de-LS'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'de';

const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar', 'fa']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** The BCP 47 tag for `lang` attributes: Leichte Sprache is German to a screen reader. */
export function htmlLangOf(locale: Locale): string {
  return locale === 'de-LS' ? 'de' : locale;
}

/** Each language's name in its own words: what a person looks for in a language switcher. */
export const LOCALE_AUTONYMS: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  ru: 'Русский',
  uk: 'Українська',
  fa: 'فارسی',
  pl: 'Polski',
  fr: 'Français',
  'de-LS': 'Leichte Sprache',
};

/**
 * A language as the back office and the pages name it: its own name with its code, "Türkçe (tr)", so that a
 * caseworker who does not read the language still recognises it, and a reporter recognises their own. A code
 * the portal does not know (from an older configuration) is shown as it is.
 */
export function languageLabel(code: string): string {
  return isLocale(code) ? `${LOCALE_AUTONYMS[code]} (${code})` : code;
}
