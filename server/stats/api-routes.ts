import { Hono, type Context } from 'hono';
import { statsPeriodSchema, statsViewSchema } from '../../shared/stats';
import type { AuditLog } from '../audit/log';
import { actorOf } from '../auth/service';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { parseQuery } from '../http/params';
import type { StatsService } from './service';

/**
 * The period asked for, and whether exact figures were: admins only (anyone else gets a 403), and never in an
 * export or the printed report (`allowExact` false). Suppressed figures for everyone else. The routes enforce
 * this, not the pages.
 */
export async function requestedStatistics(
  c: Context<AppEnv>,
  { stats, audit }: { stats: StatsService; audit: AuditLog },
  allowExact: boolean,
) {
  const query = parseQuery(c, statsPeriodSchema);
  const { exact } = parseQuery(c, statsViewSchema);
  if (exact && (!allowExact || c.var.staff.user.role !== 'admin'))
    throw new AppError(403, 'errors.stats_exact_admins_only');
  const period = stats.periodOf(query);
  if (exact)
    await audit.record(actorOf(c.var.staff), 'statistics.exact', { detail: { from: period.from, to: period.to } });
  return { query, statistics: await stats.statistics(period, exact ? 'exact' : 'published') };
}

/** The statistics as JSON (the switch of the public page is declared in ./actions.ts). */
export function statsApiRoutes(deps: { stats: StatsService; audit: AuditLog }) {
  return new Hono<AppEnv>().get('/api/staff/statistics', async (c) =>
    c.json((await requestedStatistics(c, deps, true)).statistics),
  );
}
