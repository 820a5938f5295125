import type { Locale } from '../../shared/locales';

/**
 * Why a translation failed. `unsupported` and `rejected` will not pass by themselves (a language the
 * translator does not have, a text it refuses); the others may (the service down, slow, busy, failing).
 */
export type TranslationFailure =
  'unavailable' | 'timeout' | 'busy' | 'server_error' | 'refused' | 'malformed' | 'unsupported' | 'rejected';

const PERMANENT: ReadonlySet<TranslationFailure> = new Set(['unsupported', 'rejected']);

export class TranslationError extends Error {
  constructor(readonly failure: TranslationFailure) {
    super(`translation failed: ${failure}`);
  }

  /** Trying again later will not help: the job waits for a person ("translate now") instead. */
  get permanent(): boolean {
    return PERMANENT.has(this.failure);
  }
}

/**
 * What translates a text, one interface for every backend an office can run: the configured model
 * (`model.ts`) or a LibreTranslate-compatible server (`libretranslate.ts`). Only ever given stored, anonymised
 * text. German in Leichte Sprache is German to a translator; nothing is translated into it.
 */
export interface Translator {
  readonly kind: 'model' | 'libretranslate';
  /** Throws a TranslationError; never logs or keeps the text. */
  translate(text: string, from: Locale, to: Locale, options?: { timeoutMs?: number }): Promise<string>;
  /**
   * Whether it can translate between German and `locale` (both ways): true or false once known, null when it
   * cannot say right now (its list of languages did not arrive).
   */
  covers(locale: Locale): Promise<boolean | null>;
}

/** The language code a translator speaks: Leichte Sprache is German. */
export function translatorLanguage(locale: Locale): string {
  return locale === 'de-LS' ? 'de' : locale;
}
