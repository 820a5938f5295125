import { htmlLangOf, type Locale } from '../../shared/locales';
import { usePage } from './page-context';

const formats = new Map<Locale, Intl.ListFormat>();

function listFormat(locale: Locale): Intl.ListFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(htmlLangOf(locale), { type: 'conjunction', style: 'long' });
    formats.set(locale, format);
  }
  return format;
}

/**
 * A list of labels in running text: joined as the language joins lists ("A, B und C", "A وB وC"), and each
 * item set apart, because labels such as "Rassismus, Herkunft, Hautfarbe" hold commas themselves.
 */
export function ListOf({ items }: { items: string[] }) {
  const { locale } = usePage();
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <span class="list-of">
      {listFormat(locale)
        .formatToParts(items)
        .map((part, i) =>
          part.type === 'element' ? (
            <span class="list-item" key={i}>
              {part.value}
            </span>
          ) : (
            part.value
          ),
        )}
    </span>
  );
}
