import type { Locale } from '../../locales';
import { easyReadLines } from '../easy-read';
import ar from './ar.json';
import de from './de.json';
import deLS from './de-LS.json';
import en from './en.json';
import fa from './fa.json';
import fr from './fr.json';
import pl from './pl.json';
import ru from './ru.json';
import tr from './tr.json';
import uk from './uk.json';

/**
 * The office's replies for every language, written and reviewed like the public pages: what a caseworker
 * can send to anyone without a translator. An entry's meaning never changes under its key (a message stores
 * the key, and both sides read the text from here); a new meaning is a new key. The back office names them
 * with the staff messages `phrasebook.<key>`.
 */
export type PhraseKey = keyof typeof de;

const phrasebook: Record<Locale, Record<PhraseKey, string>> = {
  de,
  en,
  tr,
  ar,
  ru,
  uk,
  fa,
  pl,
  fr,
  'de-LS': Object.fromEntries(Object.entries(deLS).map(([k, text]) => [k, easyReadLines(text)])) as typeof de,
};

export const PHRASE_KEYS = Object.keys(de) as PhraseKey[];

export function isPhraseKey(value: unknown): value is PhraseKey {
  return typeof value === 'string' && (PHRASE_KEYS as string[]).includes(value);
}

/** A phrase in a language of the portal (every one has every phrase: `npm run i18n:check`). */
export function phraseText(key: PhraseKey, locale: Locale): string {
  return phrasebook[locale][key];
}
