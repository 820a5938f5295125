import { statsLabels } from '../../../shared/stats-labels';
import type { Statistics } from '../../../shared/stats-views';
import { Methodology, StatisticsTables, SuppressionLegend } from '../../components/statistics/StatisticsTables';
import type { Translate } from '../../../shared/i18n/translate';
import { useStaffPage } from '../context';

export interface StatisticsReportProps {
  statistics: Statistics;
  officeName: string;
  office: { region: string; municipalities: { code: string; name: string }[] };
  /** The day it was made, shown on the title page. */
  madeOn: string;
}

/**
 * The annual report for print (A4): a title page, the methodology note, then each table with its chart. Always
 * the suppressed figures: this is what leaves the office. Print styles in styles.css (`.print-report`).
 */
export function StatisticsReportPage({ statistics, officeName, office, madeOn }: StatisticsReportProps) {
  const { t, locale } = useStaffPage();
  const labels = statsLabels(t as Translate, locale, office);
  const period = labels.periodLabel(statistics.period);
  const made = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${madeOn}T00:00:00Z`),
  );
  return (
    <main class="print-report" id="main">
      <section class="title-page">
        <p class="report-office">{officeName}</p>
        <h1>
          {t('stats.report_title')} {period}
        </h1>
        <p class="report-subtitle">{t('stats.report_subtitle')}</p>
        <p class="report-headline">
          {t('statistics.reports')}: <strong>{statistics.reports.current.shown}</strong>
          <br />
          {labels.periodLabel(statistics.previous)}: {statistics.reports.previous.shown}
        </p>
        <p class="report-made">{t('stats.report_made', { date: made })}</p>
        <p class="screen-only">
          <a href="/staff/statistics">{t('staff.back_home')}</a>
        </p>
      </section>
      <section class="methodology">
        <h2>{t('statistics.methodology_title')}</h2>
        <Methodology statistics={statistics} labels={labels} />
        <SuppressionLegend statistics={statistics} labels={labels} />
      </section>
      <StatisticsTables statistics={statistics} labels={labels} />
    </main>
  );
}
