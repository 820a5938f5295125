import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import type { PageRenderer } from '../http/pages';
import { parseQuery } from '../http/params';
import type { Office } from '../office/schema';
import type { StatsService } from './service';
import type { StatsSettings } from './settings';

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
