import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response. The CSP allows nothing from elsewhere and no inline script: pages carry their
 * data as inert JSON and load one script from this origin. No referrer leaves, so a click on a counselling
 * link does not tell the other site that someone came from a reporting portal.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    // A file of a report (server/evidence/staff-routes.ts) names its own, stricter policy: a sandbox.
    if (!h.get('Content-Security-Policy')?.includes('sandbox')) h.set('Content-Security-Policy', CSP);
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    // Anything that is not a fingerprinted asset may show report content or a receipt code: never keep it.
    if (!c.req.path.startsWith('/assets/')) h.set('Cache-Control', 'no-store');
  };
}
