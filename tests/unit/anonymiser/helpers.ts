import { anonymise } from '../../../server/anonymiser/index';
import type { EntityType } from '../../../server/anonymiser/index';
import type { Locale } from '../../../shared/locales';

/** The substrings found in `text`, as "type:substring", in order. */
export function found(text: string, locale: Locale = 'de'): string[] {
  return anonymise(text, locale).entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
}

export function foundOf(type: EntityType, text: string, locale: Locale = 'de'): string[] {
  return anonymise(text, locale)
    .entities.filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));
}
