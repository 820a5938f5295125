import { Hono, type Context } from 'hono';
import {
  publicStatisticsSwitchSchema,
  statsLanguageSchema,
  statsPeriodSchema,
  statsViewSchema,
} from '../../shared/stats';
import { staffTranslatorFor } from '../../shared/i18n/staff/catalog';
import type { Translate } from '../../shared/i18n/translate';
import type { AuditLog } from '../audit/log';
import { actorOf } from '../auth/service';
import { isoDay, type Clock } from '../clock';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { parseQuery } from '../http/params';
import type { Office } from '../office/schema';
import { noticeKeyFrom, parseStaffForm, redirectWithNotice } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';
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
 * The back office's statistics: the page, the printable report, the exports, the public page's switch, and
 * the same figures as JSON. Suppressed for everyone; exact only for an admin who asks, and never in an export
 * or the report. The routes enforce this, not the pages.
 */
export function statsRoutes({ stats, settings, audit, clock, office, renderPage }: StatsRoutesDeps) {
  const officePlaces = { region: office.region, municipalities: office.municipalities };

  /** The period asked for, and whether exact figures were (admins only: anyone else gets a 403). */
  const requested = async (c: Context<AppEnv>, allowExact: boolean) => {
    const query = parseQuery(c, statsPeriodSchema);
    const { exact } = parseQuery(c, statsViewSchema);
    if (exact && (!allowExact || c.var.staff.user.role !== 'admin'))
      throw new AppError(403, 'errors.stats_exact_admins_only');
    const period = stats.periodOf(query);
    if (exact)
      await audit.record(actorOf(c.var.staff), 'statistics.exact', { detail: { from: period.from, to: period.to } });
    return { query, statistics: await stats.statistics(period, exact ? 'exact' : 'published') };
  };

  const recordExport = (c: Context<AppEnv>, format: string, period: { from: string; to: string }) =>
    audit.record(actorOf(c.var.staff), 'statistics.export', { detail: { format, from: period.from, to: period.to } });

  const setPublicPage = async (c: Context<AppEnv>, enabled: boolean) => {
    await settings.setPublicPage(enabled, clock.now().toISOString());
    await audit.record(actorOf(c.var.staff), 'statistics.public_page', { detail: { enabled } });
  };

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
    })
    .post('/staff/statistics/public', async (c) => {
      const { enabled } = await parseStaffForm(c, publicStatisticsSwitchSchema);
      await setPublicPage(c, enabled);
      return redirectWithNotice(
        c,
        '/staff/statistics',
        enabled ? 'notices.public_statistics_on' : 'notices.public_statistics_off',
      );
    })
    .get('/api/staff/statistics', async (c) => c.json((await requested(c, true)).statistics))
    .put('/api/staff/settings/public-statistics', async (c) => {
      const { enabled } = await parseJsonBody(c, publicStatisticsSwitchSchema);
      await setPublicPage(c, enabled);
      return c.json({ enabled });
    });
}
