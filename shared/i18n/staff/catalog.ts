import type { StaffLocale } from '../../staff';
import publicDe from '../messages/de.json';
import publicEn from '../messages/en.json';
import type { MessageKey, Params } from '../translate';
import { createTranslator } from '../translate';
import de from './de.json';
import en from './en.json';

/** The back office's own words; shared ones (taxonomy labels, validation errors) come from the public files. */
export type StaffMessageKey = keyof typeof de;
export type StaffTranslate = (key: StaffMessageKey | MessageKey, params?: Params) => string;

const chains: Record<StaffLocale, { locale: StaffLocale; messages: object }[]> = {
  de: [
    { locale: 'de', messages: de },
    { locale: 'de', messages: publicDe },
  ],
  en: [
    { locale: 'en', messages: en },
    { locale: 'en', messages: publicEn },
    { locale: 'de', messages: de },
    { locale: 'de', messages: publicDe },
  ],
};

const translators = new Map<StaffLocale, StaffTranslate>();

/** Made once per language, like the public translators. */
export function staffTranslatorFor(locale: StaffLocale): StaffTranslate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(chains[locale] as never) as StaffTranslate;
    translators.set(locale, t);
  }
  return t;
}

/** Keys that arrive as strings (errors, notices): translated when known, else a generic sentence. */
export function translateStaffKey(t: StaffTranslate, key: string): string {
  const text = t(key as StaffMessageKey);
  return text === key ? t('errors.invalid_input') : text;
}
