import type { Locale } from '../../shared/locales';

/**
 * What the model writes is shown as plain text in a chat bubble: markup and links are taken out (a raw
 * URL is neither clickable nor trustworthy there), and a reply in a script or language the person neither
 * chose nor writes in is not shown at all: the fixed question in their language takes its place.
 */
export function cleanReply(text: string): string {
  return text
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/<[^>\n]{1,200}>/g, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\b(?:https?:\/\/|www\.)\S*[^\s.,;:!?)]/gi, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

type Script = 'latin' | 'cyrillic' | 'arabic';

const SCRIPT_OF: Record<Locale, Script> = {
  de: 'latin',
  'de-LS': 'latin',
  en: 'latin',
  fr: 'latin',
  pl: 'latin',
  tr: 'latin',
  ru: 'cyrillic',
  uk: 'cyrillic',
  ar: 'arabic',
  fa: 'arabic',
};

/** The script most of a text's letters are written in; null when there are too few letters to tell. */
function scriptOf(text: string): Script | null {
  const counts = { latin: 0, cyrillic: 0, arabic: 0 };
  for (const ch of text) {
    if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyrillic++;
    else if (/\p{Script=Arabic}/u.test(ch)) counts.arabic++;
  }
  const total = counts.latin + counts.cyrillic + counts.arabic;
  if (total < 12) return null;
  const [best, n] = (Object.entries(counts) as [Script, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return n / total >= 0.6 ? best : null;
}

/** Small, frequent words: enough to tell the Latin-script languages apart in a sentence or two. */
const COMMON: Record<'de' | 'en' | 'fr' | 'pl' | 'tr', string[]> = {
  de: ['und', 'ich', 'sie', 'das', 'ist', 'nicht', 'die', 'der', 'mit', 'es', 'wir', 'ihnen', 'was', 'wann'],
  en: ['and', 'the', 'you', 'is', 'that', 'it', 'to', 'of', 'what', 'when', 'your', 'are', 'this'],
  fr: ['et', 'le', 'la', 'les', 'vous', 'est', 'que', 'pas', 'des', 'une', 'quand', 'ce', 'votre'],
  pl: ['i', 'nie', 'się', 'to', 'jest', 'że', 'co', 'jak', 'pan', 'pani', 'kiedy', 'czy', 'dla'],
  tr: ['ve', 'bir', 'bu', 'için', 'ne', 'mi', 'çok', 'size', 'zaman', 'değil', 'sizin', 'ile', 'da'],
};

/** The Latin-script language a text is most likely in, when the signs agree; null when they do not. */
function latinLanguageOf(text: string): keyof typeof COMMON | null {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  const scores = (Object.keys(COMMON) as (keyof typeof COMMON)[]).map((lang) => ({
    lang,
    n: words.filter((w) => COMMON[lang].includes(w)).length,
  }));
  scores.sort((a, b) => b.n - a.n);
  const [first, second] = scores;
  return first && first.n >= 3 && first.n >= 2 * (second?.n ?? 0) ? first.lang : null;
}

const baseLanguage = (locale: Locale) => (locale === 'de-LS' ? 'de' : locale);

/**
 * Whether a reply may be shown to a person whose page is in `locale` and who last wrote `said`: its script
 * is theirs, and, where it can be told, so is its language. An undecidable reply is given the benefit.
 */
export function fitsLanguage(reply: string, locale: Locale, said: string): boolean {
  const script = scriptOf(reply);
  if (script === null) return true;
  const allowed = new Set<Script>([SCRIPT_OF[locale], ...(scriptOf(said) ? [scriptOf(said)!] : [])]);
  if (!allowed.has(script)) return false;
  if (script !== 'latin') return true;
  const language = latinLanguageOf(reply);
  if (language === null) return true;
  return language === baseLanguage(locale) || language === latinLanguageOf(said) || !(baseLanguage(locale) in COMMON);
}

/** Whether a text says enough to judge its language: a script other than Latin, or enough common words. */
function judgeable(text: string): boolean {
  const script = scriptOf(text);
  if (script === null) return false;
  return script !== 'latin' || latinLanguageOf(text) !== null || text.replace(/[^\p{L}]/gu, '').length >= 80;
}

/**
 * Cleans a streamed reply as it comes, a sentence at a time, and holds it back until its language can be
 * judged: `push` returns text ready to show (possibly ''), `end` the rest. Once `rejected`, nothing is shown.
 */
export function createReplyFilter(locale: Locale, said: string) {
  let pending = '';
  let held = '';
  let shown = '';
  let judged = false;
  let rejected = false;

  const show = (clean: string): string => {
    const out = shown ? clean : clean.trimStart();
    shown += out;
    return out;
  };

  const release = (text: string, last: boolean): string => {
    const clean = cleanReply(text);
    // Markup without words ("**", "- ") is nothing to show.
    if (!/[\p{L}\p{N}]/u.test(clean) && !judged) return '';
    if (judged) return show(clean);
    held += clean;
    if (!last && !judgeable(held)) return '';
    judged = true;
    rejected = !fitsLanguage(held, locale, said);
    const out = rejected ? '' : show(held);
    held = '';
    return out;
  };

  return {
    push(chunk: string): string {
      if (rejected) return '';
      pending += chunk;
      // Up to the last sentence end: markup and links never span sentences, so a sentence can be cleaned alone.
      const cut = Math.max(...['. ', '! ', '? ', '؟ ', '\n'].map((end) => pending.lastIndexOf(end)));
      if (cut < 0) return '';
      const ready = pending.slice(0, cut + 1);
      pending = pending.slice(cut + 1);
      return release(ready, false);
    },
    end(): string {
      if (rejected) return '';
      const rest = release(pending, true);
      pending = '';
      return rest;
    },
    /** What was shown, once the stream ended: empty when nothing usable came. */
    get text(): string {
      return rejected || !/[\p{L}\p{N}]/u.test(shown) ? '' : shown.trim();
    },
    get rejected(): boolean {
      return rejected;
    },
  };
}
