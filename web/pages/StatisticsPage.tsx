import type { Statistics } from '../../shared/stats-views';
import { directionOf, htmlLangOf } from '../../shared/locales';
import { Layout } from '../components/Layout';
import { usePage } from '../components/page-context';
import { statsLabels } from '../../shared/stats-labels';
import { Methodology, StatisticsTables, SuppressionLegend } from '../components/statistics/StatisticsTables';

export interface StatisticsProps {
  /** Published (suppressed) figures only: nothing else ever reaches this page. */
  statistics: Statistics;
  officeName: string;
}

/** The public statistics page: a year's reports by characteristic, charts beside tables, and how they are counted. */
export function StatisticsPage({ statistics, officeName }: StatisticsProps) {
  const { t, locale, office, href } = usePage();
  const labels = statsLabels(t, htmlLangOf(locale), office);
  const year = statistics.period.year ?? new Date().getUTCFullYear();
  return (
    <Layout title={t('statistics.title')}>
      <p class="lead">{t('statistics.intro', { office: officeName })}</p>
      <form method="get" action={href('/statistics')} class="stats-year">
        <label for="year">{t('statistics.year')}</label>
        <input id="year" name="year" type="text" inputMode="numeric" size={6} value={String(year)} />
        <button type="submit" class="button">
          {t('statistics.show')}
        </button>
      </form>
      <p class="stats-headline">
        {t('statistics.reports')} {labels.periodLabel(statistics.period)}:{' '}
        <strong>{statistics.reports.current.shown}</strong> ({labels.periodLabel(statistics.previous)}:{' '}
        {statistics.reports.previous.shown})
      </p>
      <SuppressionLegend statistics={statistics} labels={labels} />
      {statistics.reports.current.shown === '0' ? (
        <p>{t('statistics.no_reports')}</p>
      ) : (
        <StatisticsTables statistics={statistics} labels={labels} dir={directionOf(locale)} />
      )}
      <section>
        <h2>{t('statistics.methodology_title')}</h2>
        <Methodology statistics={statistics} labels={labels} />
      </section>
    </Layout>
  );
}
