import type { Locale } from '../../shared/locales';
import { htmlLangOf } from '../../shared/locales';
import { translatorFor } from '../../shared/i18n/catalog';
import { easyReadLines } from '../../shared/i18n/easy-read';
import type { CounsellingContact, LocalizedText } from './schema';

/** An office's own text in the reader's language: Leichte Sprache falls back to German, the others to English. */
export function officeText(text: LocalizedText, locale: Locale): string {
  const chosen = text[locale] ?? (locale === 'de-LS' ? text.de : (text.en ?? text.de));
  return locale === 'de-LS' ? easyReadLines(chosen) : chosen;
}

/** Up to this many languages are all named; beyond, the usual one and the reader's own, "and others". */
const NAMED_LANGUAGES = 3;

/**
 * What a reader learns about a counselling contact before its number: whom it serves, the languages it
 * answers in (named in the reader's language, with the reader's own among them when it is), then the office's
 * description. A contact without audience or languages shows its description alone.
 */
export function counsellingDescription(contact: CounsellingContact, locale: Locale): string {
  const parts = [
    contact.audience && officeText(contact.audience, locale),
    contact.languages && languagesLine(contact.languages, locale),
    officeText(contact.description, locale),
  ];
  const text = parts.filter(Boolean).join(' ');
  return locale === 'de-LS' ? easyReadLines(text) : text;
}

function languagesLine(languages: readonly string[], locale: Locale): string {
  const t = translatorFor(locale);
  const tag = htmlLangOf(locale);
  const names = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' });
  const name = (code: string) => names.of(code) ?? code;
  const reader = tag.split('-')[0]!;
  const usual = languages[0]!;
  if (languages.length === 1) return t('landing.counselling_language_only', { language: name(usual) });
  if (languages.length <= NAMED_LANGUAGES) {
    const ordered = new Set([usual, ...(languages.includes(reader) ? [reader] : []), ...languages]);
    const list = new Intl.ListFormat(tag, { type: 'conjunction' }).format([...ordered].map(name));
    return t('landing.counselling_languages', { languages: list });
  }
  return languages.includes(reader) && reader !== usual
    ? t('landing.counselling_languages_more_own', { language: name(usual), own: name(reader) })
    : t('landing.counselling_languages_more', { language: name(usual) });
}
