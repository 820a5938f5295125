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

const chains: Record<StaffLocale, object[]> = {
  de: [de, publicDe],
  en: [en, publicEn, de, publicDe],
};

export function staffTranslatorFor(locale: StaffLocale): StaffTranslate {
  return createTranslator(chains[locale] as never) as StaffTranslate;
}

/** Keys that arrive as strings (errors, notices): translated when known, else a generic sentence. */
export function translateStaffKey(t: StaffTranslate, key: string): string {
  const text = t(key as StaffMessageKey);
  return text === key ? t('errors.invalid_input') : text;
}
