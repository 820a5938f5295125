import type { ReportMessageRow } from '../../db/schema';
import { isPhraseKey, phraseText } from '../../shared/i18n/phrasebook';
import { isLocale, type Locale } from '../../shared/locales';
import type { ReceiptMessageView } from '../../shared/report';

/** The language a stored message is written in: the office writes German; older rows knew no language. */
export function messageLanguage(m: Pick<ReportMessageRow, 'author' | 'locale'>, reportLocale: string): Locale {
  if (m.author === 'office') return 'de';
  const code = m.locale ?? reportLocale;
  return isLocale(code) ? code : 'de';
}

/** The office's German as sent: the phrase of the phrasebook, then the caseworker's own words. */
export function officeGerman(m: Pick<ReportMessageRow, 'phrase' | 'body'>): string {
  return [isPhraseKey(m.phrase) ? phraseText(m.phrase, 'de') : '', m.body].filter(Boolean).join('\n\n');
}

/**
 * An office message in the reader's language: the phrase from the reviewed phrasebook, the caseworker's own
 * words as machine translated into that language, or else as written (German, marked so on the page). Null
 * when there is nothing to show but the German itself.
 */
export function readerVersion(
  m: Pick<ReportMessageRow, 'author' | 'phrase' | 'body' | 'translation' | 'translation_locale'>,
  reader: Locale,
): ReceiptMessageView['translation'] {
  if (m.author !== 'office' || reader === 'de') return null;
  const phrase = isPhraseKey(m.phrase) ? phraseText(m.phrase, reader) : null;
  // Leichte Sprache readers read German: only a phrase has a version of its own for them.
  if (reader === 'de-LS' && !phrase) return null;
  const machine = m.body && m.translation && m.translation_locale === reader ? m.translation : null;
  // Nothing in the reader's language: the page says that the message is in German.
  if (!phrase && !machine) return null;
  const parts: NonNullable<ReceiptMessageView['translation']>['parts'] = [];
  if (phrase) parts.push({ text: phrase, source: 'phrasebook' });
  if (machine) parts.push({ text: machine, source: 'machine' });
  else if (m.body) parts.push({ text: m.body, source: 'original' });
  return { language: reader, parts };
}

export function receiptMessageView(m: ReportMessageRow, reportLocale: string, reader: Locale): ReceiptMessageView {
  return {
    id: m.id,
    author: m.author,
    body: m.author === 'office' ? officeGerman(m) : m.body,
    language: messageLanguage(m, reportLocale),
    translation: readerVersion(m, reader),
    sentOn: m.sent_on,
    unread: m.read_at === null,
  };
}
