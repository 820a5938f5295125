import { statsLabels } from '../../../shared/stats-labels';
import type { Statistics } from '../../../shared/stats-views';
import { Methodology, StatisticsTables, SuppressionLegend } from '../../components/statistics/StatisticsTables';
import type { Translate } from '../../../shared/i18n/translate';
import { Flash, PostForm } from '../components/forms';
import { StaffLayout } from '../components/StaffLayout';
import { useStaffPage } from '../context';

export interface StatisticsProps {
  statistics: Statistics;
  /** The period as asked for, to fill the form and build the export links. */
  query: { year?: number | undefined; from?: string | undefined; to?: string | undefined };
  office: { region: string; municipalities: { code: string; name: string }[] };
  publicPageEnabled: boolean;
  notice?: string | undefined;
}

/** The figures of a period beside the year before: suppressed for everyone, exact for admins who ask. */
export function StatisticsPage({ statistics, query, office, publicPageEnabled, notice }: StatisticsProps) {
  const { t, locale, user } = useStaffPage();
  const labels = statsLabels(t as Translate, locale, office);
  const isAdmin = user?.role === 'admin';
  const exact = statistics.publication.mode === 'exact';
  const period = new URLSearchParams(
    Object.entries(query)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  const link = (path: string, extra = '') => `${path}?${[period, extra].filter(Boolean).join('&')}`;
  return (
    <StaffLayout title={t('statistics.title')}>
      <Flash notice={notice} />
      <form method="get" action="/staff/statistics" class="card filters" aria-label={t('stats.period')}>
        <div class="field">
          <label for="year">{t('statistics.year')}</label>
          <input id="year" name="year" type="text" inputMode="numeric" value={query.year ? String(query.year) : ''} />
        </div>
        <div class="field">
          <label for="from">{t('stats.from')}</label>
          <input id="from" name="from" type="date" value={query.from ?? ''} />
        </div>
        <div class="field">
          <label for="to">{t('stats.to')}</label>
          <input id="to" name="to" type="date" value={query.to ?? ''} />
        </div>
        {exact && <input type="hidden" name="exact" value="1" />}
        <p class="actions">
          <button type="submit" class="button primary">
            {t('statistics.show')}
          </button>
        </p>
      </form>
      {exact ? (
        <p class="internal-banner" role="note">
          <strong>{t('stats.internal')}</strong> {t('stats.internal_hint')}{' '}
          <a href={link('/staff/statistics')}>{t('stats.show_published')}</a>
        </p>
      ) : (
        isAdmin && (
          <p>
            <a href={link('/staff/statistics', 'exact=1')}>{t('stats.show_exact')}</a>
          </p>
        )
      )}
      <nav class="card stats-exports" aria-label={t('stats.exports')}>
        <h2>{t('stats.exports')}</h2>
        <p class="stats-hint">{t('stats.exports_hint')}</p>
        <ul>
          <li>
            <a href={link('/staff/statistics/report', 'lang=de')}>{t('stats.report_de')}</a>
          </li>
          <li>
            <a href={link('/staff/statistics/report', 'lang=en')}>{t('stats.report_en')}</a>
          </li>
          <li>
            <a href={link('/staff/statistics/export.csv', `lang=${locale}`)}>{t('stats.csv')}</a>
          </li>
          <li>
            <a href={link('/staff/statistics/export.json')}>{t('stats.json')}</a>
          </li>
        </ul>
      </nav>
      {isAdmin && (
        <PostForm action="/staff/settings/public-statistics" class="card" label={t('stats.public_page')}>
          <h2>{t('stats.public_page')}</h2>
          <p>{t(publicPageEnabled ? 'stats.public_on' : 'stats.public_off')}</p>
          <input type="hidden" name="enabled" value={publicPageEnabled ? 'false' : 'true'} />
          <button type="submit" class="button">
            {t(publicPageEnabled ? 'stats.public_switch_off' : 'stats.public_switch_on')}
          </button>
        </PostForm>
      )}
      <p class="stats-headline">
        {t('statistics.reports')}: <strong>{statistics.reports.current.shown}</strong> (
        {labels.periodLabel(statistics.previous)}: {statistics.reports.previous.shown})
      </p>
      <SuppressionLegend statistics={statistics} labels={labels} />
      <StatisticsTables statistics={statistics} labels={labels} />
      <section class="card">
        <h2>{t('statistics.methodology_title')}</h2>
        <Methodology statistics={statistics} labels={labels} />
      </section>
    </StaffLayout>
  );
}
