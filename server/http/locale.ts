import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../shared/locales';

/**
 * Picks the best supported locale from an Accept-Language header, by weight and then order.
 * Leichte Sprache has no language tag of its own, so it is only ever chosen in the URL.
 */
export function negotiateLocale(header: string | undefined, available: readonly Locale[] = LOCALES): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of wanted) {
    const primary = tag.split('-')[0];
    const match = available.find((l) => l !== 'de-LS' && (l === tag || l === primary));
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
