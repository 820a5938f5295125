import type { Locale } from '../../shared/locales';
import { TranslationError, translatorLanguage, type Translator } from './translator';

export interface LibreTranslateSettings {
  /** The server's base address, e.g. http://127.0.0.1:5000 (no trailing slash). */
  url: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

/** Its list of languages changes only when its operator installs models: asked again after this long. */
const LANGUAGES_KEPT_MS = 10 * 60_000;
const LANGUAGES_TIMEOUT_MS = 5_000;

interface LanguageEntry {
  code: string;
  targets?: string[];
}

/**
 * A LibreTranslate-compatible server (LibreTranslate itself, or anything speaking its API): `POST /translate`
 * with `q`, `source`, `target`, `format` and an optional `api_key`, answering `translatedText`; `GET /languages`
 * for the pairs it covers. Errors are `{ error }` with 400 (bad request, a language it does not have),
 * 403 (key refused), 429 (slow down) or 500.
 */
export function createLibreTranslate(settings: LibreTranslateSettings): Translator {
  let languages: { pairs: Set<string> | null; until: number } | undefined;

  async function pairs(): Promise<Set<string> | null> {
    const now = Date.now();
    if (languages && languages.until > now) return languages.pairs;
    let found: Set<string> | null = null;
    try {
      const res = await fetch(`${settings.url}/languages`, { signal: AbortSignal.timeout(LANGUAGES_TIMEOUT_MS) });
      if (res.ok) {
        const list = (await res.json()) as LanguageEntry[];
        found = new Set(list.flatMap((l) => (l.targets ?? []).map((t) => `${l.code}>${t}`)));
      }
    } catch {
      found = null;
    }
    // An answer is kept for a while; a failure only briefly, so that a server coming up is noticed soon.
    languages = { pairs: found, until: now + (found ? LANGUAGES_KEPT_MS : 30_000) };
    return found;
  }

  return {
    kind: 'libretranslate',

    async covers(locale: Locale) {
      const known = await pairs();
      if (!known) return null;
      const code = translatorLanguage(locale);
      return code === 'de' || (known.has(`${code}>de`) && known.has(`de>${code}`));
    },

    async translate(text, from, to, options = {}) {
      let res: Response;
      try {
        res = await fetch(`${settings.url}/translate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({
            q: text,
            source: translatorLanguage(from),
            target: translatorLanguage(to),
            format: 'text',
            ...(settings.apiKey ? { api_key: settings.apiKey } : {}),
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? settings.timeoutMs),
        });
      } catch (error) {
        throw new TranslationError(isTimeout(error) ? 'timeout' : 'unavailable');
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch (error) {
        if (isTimeout(error)) throw new TranslationError('timeout');
        body = undefined;
      }
      if (res.ok) {
        const translated = (body as { translatedText?: unknown } | undefined)?.translatedText;
        if (typeof translated !== 'string' || !translated.trim()) throw new TranslationError('malformed');
        return translated;
      }
      throw new TranslationError(failureOf(res.status, body));
    },
  };
}

function failureOf(status: number, body: unknown) {
  if (status === 400) {
    // The server's words (in English unless it was asked otherwise): a language it does not have, or a
    // text it will not take (too long for its limit). Neither passes by waiting.
    const message = String((body as { error?: unknown } | undefined)?.error ?? '');
    return /not supported|not available/i.test(message) ? 'unsupported' : 'rejected';
  }
  if (status === 401 || status === 403) return 'refused';
  if (status === 429) return 'busy';
  return 'server_error';
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
