import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request that a browser sends from another site carries that site's Origin: refused, so
 * no other page can make a visitor's browser send a report, a message or a withdrawal in their name.
 * Browsers send Origin on every form post (with JavaScript or without), so our own pages always pass; the
 * pages' referrer policy is same-origin, because under no-referrer a browser sends "Origin: null" instead.
 * A request without Origin is no browser's cross-site request (a script or an API client) and goes on to
 * the route's own checks.
 */
export function sameOriginWrites(publicBaseUrl: string): MiddlewareHandler {
  const configured = new URL(publicBaseUrl).origin;
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (SAFE_METHODS.has(c.req.method) || origin === undefined) return next();
    // Behind a proxy the request URL may name the internal address; the public one is the configured one.
    if (origin === configured || origin === new URL(c.req.url).origin) return next();
    throw new AppError(403, 'errors.cross_origin');
  };
}
