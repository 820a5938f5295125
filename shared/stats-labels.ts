import type { MessageKey, Translate } from './i18n/translate';
import { NOT_STATED } from './stats';
import type { Statistics, StatisticsTable } from './stats-views';

/** Words for the statistics in one language: the public pages, the back office and the printed report share them. */
export interface StatsLabels {
  t: Translate;
  /** BCP 47 tag for numbers, months and language names. */
  lang: string;
  tableTitle(id: StatisticsTable['id']): string;
  codeLabel(dimension: string, code: string): string;
  periodLabel(period: Statistics['period']): string;
}

export function statsLabels(
  t: Translate,
  lang: string,
  office: { region: string; municipalities: { code: string; name: string }[] },
): StatsLabels {
  const languages = new Intl.DisplayNames([lang], { type: 'language' });
  const months = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const days = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const key = (k: string) => k as MessageKey;
  return {
    t,
    lang,
    tableTitle: (id) => t(key(`statistics.table.${id}`)),
    codeLabel(dimension, code) {
      if (code === NOT_STATED) return t('statistics.not_stated');
      switch (dimension) {
        case 'month':
          return months.format(new Date(`${code}-01T00:00:00Z`));
        case 'language':
          return code === 'de-LS' ? t(key('statistics.language.de-LS')) : (languages.of(code) ?? code);
        case 'place':
          if (code === 'online') return t('place.online');
          return (
            office.municipalities.find((m) => m.code === code)?.name ??
            t(key(`statistics.place.${code}`), { region: office.region })
          );
        case 'reporter_role':
          return t(key(`statistics.role.${code}`));
        case 'channel':
          return t(key(`statistics.channel.${code}`));
        default:
          // The form's "I don't know" reads oddly in a table: the statistics say "unsure" and "other".
          if (code === 'other' || code === 'unsure') return t(key(`statistics.code.${code}`));
          return t(key(`${dimension}.${code}`));
      }
    },
    periodLabel(period) {
      if (period.year !== null) return String(period.year);
      const at = (d: string) => days.format(new Date(`${d}T00:00:00Z`));
      return t('statistics.period', { from: at(period.from), to: at(period.to) });
    },
  };
}
