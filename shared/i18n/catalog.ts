import { LOCALES, type Locale } from '../locales';
import type { Messages, MessageText } from './translate';
import { createTranslator } from './translate';
import { easyReadLines } from './easy-read';
import de from './messages/de.json';
import en from './messages/en.json';
import ar from './messages/ar.json';
import deLS from './messages/de-LS.json';
import fa from './messages/fa.json';
import fr from './messages/fr.json';
import pl from './messages/pl.json';
import ru from './messages/ru.json';
import tr from './messages/tr.json';
import uk from './messages/uk.json';

/** Every locale's messages, for the server. A new language is a new file here and nothing else. */
const catalog: Partial<Record<Locale, Messages>> = { de, en, tr, ar, ru, uk, fa, pl, fr, 'de-LS': deLS } as never;

/** Leichte Sprache falls back to German; every other language to English, then German. */
export function fallbackChain(locale: Locale): { locale: Locale; messages: Messages }[] {
  const own = { locale, messages: catalog[locale] ?? {} };
  const german = { locale: 'de' as const, messages: de as Messages };
  if (locale === 'de') return [german];
  // Leichte Sprache is set one sentence per line wherever it is shown, its German fallbacks too.
  if (locale === 'de-LS') return [own, german].map((set) => ({ ...set, messages: inEasyReadLines(set.messages) }));
  return [own, { locale: 'en', messages: catalog.en ?? {} }, german];
}

function inEasyReadLines(messages: Messages): Messages {
  const lines = (text: MessageText): MessageText =>
    typeof text === 'string'
      ? easyReadLines(text)
      : (Object.fromEntries(Object.entries(text).map(([form, words]) => [form, easyReadLines(words)])) as MessageText);
  return Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, lines(text ?? '')]));
}

/** The messages a page needs in the browser: the locale's own with its fallbacks folded in. */
/** Made once per locale: every page and every request would otherwise fold the same files again. */
const folded = new Map<Locale, Messages>();
const translators = new Map<Locale, ReturnType<typeof createTranslator>>();

export function messagesFor(locale: Locale): Messages {
  let messages = folded.get(locale);
  if (!messages) {
    messages = Object.freeze(
      Object.assign(
        {},
        ...fallbackChain(locale)
          .map((set) => set.messages)
          .reverse(),
      ),
    ) as Messages;
    folded.set(locale, messages);
  }
  return messages;
}

export function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(fallbackChain(locale));
    translators.set(locale, t);
  }
  return t;
}

export const AVAILABLE_LOCALES: readonly Locale[] = LOCALES.filter((l) => catalog[l]);
