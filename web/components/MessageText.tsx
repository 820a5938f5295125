import type { ReceiptMessageView } from '../../shared/report';
import { directionOf, htmlLangOf, type Locale } from '../../shared/locales';
import { usePage } from './page-context';

/**
 * A message's text on the receipt page. An office message comes in the reader's language where it has a
 * version for it: the phrase from the reviewed phrasebook, the caseworker's words machine translated (said
 * so), words not translated marked as German; the German original is one tap away. A message only in German
 * says so, in the reader's language. Each text carries its own language and direction.
 */
export function MessageText({ message }: { message: ReceiptMessageView }) {
  const { t, locale } = usePage();
  const original = <Text language={message.language} text={message.body} />;
  if (message.author !== 'office') return original;
  const version = message.translation;
  if (!version) {
    if (locale === 'de' || locale === 'de-LS') return original;
    return (
      <>
        <p class="language-note">{t('receipt.in_german')}</p>
        {original}
      </>
    );
  }
  const readerReadsGerman = version.language === 'de-LS';
  return (
    <>
      {version.parts.map((part, i) => {
        // A note before each part that is not the office's reviewed text: what the reader is about to read.
        const note =
          part.source === 'machine'
            ? t('receipt.machine_translation')
            : part.source === 'original' && !readerReadsGerman
              ? t('receipt.part_in_german')
              : null;
        return (
          <div key={i}>
            {note && <p class="language-note">{note}</p>}
            <Text language={part.source === 'original' ? 'de' : version.language} text={part.text} />
          </div>
        );
      })}
      <details class="original">
        <summary>{t('receipt.show_original')}</summary>
        {original}
      </details>
    </>
  );
}

function Text({ language, text }: { language: Locale; text: string }) {
  return (
    <p class="body" lang={htmlLangOf(language)} dir={directionOf(language)}>
      {text}
    </p>
  );
}
