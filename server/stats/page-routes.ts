import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { statsLanguageSchema } from '../../shared/stats';
import { staffTranslatorFor } from '../../shared/i18n/staff/catalog';
import type { Translate } from '../../shared/i18n/translate';
import type { AuditLog } from '../audit/log';
import { actorOf } from '../auth/service';
import { isoDay, type Clock } from '../clock';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import type { PageRenderer } from '../http/pages';
import { parseQuery } from '../http/params';
import type { Office } from '../office/schema';
import { noticeKeyFrom } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';
import { requestedStatistics } from './api-routes';
import { exportFileName, statisticsCsv } from './export';
import type { StatsService } from './service';
import type { StatsSettings } from './settings';

export interface StatsRoutesDeps {
  stats: StatsService;
  settings: StatsSettings;
  audit: AuditLog;
  clock: Clock;
  office: Office;
  renderPage: StaffPageRenderer;
}

/**
 * The back office's statistics: the page, the printable report and the exports. Suppressed for everyone;
 * exact only for an admin who asks, and never in an export or the report (see requestedStatistics).
 */
export function statsPageRoutes({ stats, settings, audit, clock, office, renderPage }: StatsRoutesDeps) {
  const officePlaces = { region: office.region, municipalities: office.municipalities };
  const requested = (c: Context<AppEnv>, allowExact: boolean) => requestedStatistics(c, { stats, audit }, allowExact);

  const recordExport = (c: Context<AppEnv>, format: string, period: { from: string; to: string }) =>
    audit.record(actorOf(c.var.staff), 'statistics.export', { detail: { format, from: period.from, to: period.to } });

  return new Hono<AppEnv>()
    .get('/staff/statistics', async (c) => {
      const { query, statistics } = await requested(c, true);
      return renderPage(
        c,
        'statistics',
        {
          statistics,
          query,
          office: officePlaces,
          publicPageEnabled: await settings.publicPageEnabled(),
          notice: noticeKeyFrom(c.req.query('notice')),
        },
        { titleKey: 'nav.statistics' },
      );
    })
    .get('/staff/statistics/report', async (c) => {
      const { lang } = parseQuery(c, statsLanguageSchema);
      const { statistics } = await requested(c, false);
      await recordExport(c, `report-${lang ?? c.var.staffLocale}`, statistics.period);
      // The report's language is the one asked for, whatever the back office is set to.
      if (lang) {
        c.set('staffLocale', lang);
        c.set('st', staffTranslatorFor(lang));
      }
      return renderPage(
        c,
        'statisticsReport',
        {
          statistics,
          officeName: office.name[lang ?? 'de'] ?? office.name.de,
          office: officePlaces,
          madeOn: isoDay(clock.now()),
        },
        { titleKey: 'stats.report_title' },
      );
    })
    .get('/staff/statistics/export.csv', async (c) => {
      const { lang } = parseQuery(c, statsLanguageSchema);
      const { statistics } = await requested(c, false);
      await recordExport(c, 'csv', statistics.period);
      const t = staffTranslatorFor(lang ?? c.var.staffLocale) as Translate;
      return c.body(statisticsCsv(statistics, t, lang ?? c.var.staffLocale, officePlaces), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(statistics, 'csv')}"`,
      });
    })
    .get('/staff/statistics/export.json', async (c) => {
      const { statistics } = await requested(c, false);
      await recordExport(c, 'json', statistics.period);
      return c.body(JSON.stringify(statistics, null, 2), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(statistics, 'json')}"`,
      });
    });
}

const publicQuery = z.object({
  year: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number({ error: 'errors.invalid_input' }).int().min(2000).max(2999).optional(),
  ),
});

/**
 * /:locale/statistics: the suppressed figures of a year for everyone, in every public language, without
 * JavaScript. Off until an admin switches it on; while off it does not exist (404).
 */
export function publicStatisticsRoutes({
  stats,
  settings,
  renderPage,
  office,
}: {
  stats: StatsService;
  settings: StatsSettings;
  renderPage: PageRenderer;
  office: Office;
}) {
  return new Hono<AppEnv>().get('/statistics', async (c) => {
    if (!(await settings.publicPageEnabled())) throw new AppError(404, 'errors.not_found');
    const { year } = parseQuery(c, publicQuery);
    const statistics = await stats.statistics(stats.periodOf({ year }), 'published');
    return renderPage(
      c,
      'statistics',
      { statistics, officeName: office.name[c.var.locale] ?? office.name.en ?? office.name.de },
      { titleKey: 'statistics.title', switchPath: `/statistics${year ? `?year=${year}` : ''}` },
    );
  });
}
