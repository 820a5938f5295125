import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

export type LogLine = Record<string, string | number | boolean>;
export type Logger = (line: LogLine) => void;

export const jsonLogger: Logger = (line) => console.log(JSON.stringify(line));

/**
 * Method, route pattern, status and duration: nothing else. No IP, no user agent, no query string, no body,
 * and the route pattern rather than the path so that nothing a person typed ends up in a log.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log({
      method: c.req.method,
      route: handlerRoute(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

/** The pattern of the route that answered (middleware patterns like `*` say nothing). */
function handlerRoute(c: Parameters<MiddlewareHandler>[0]): string {
  return matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
}
