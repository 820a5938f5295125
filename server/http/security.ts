import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers on every response, through Hono's secureHeaders. The CSP allows nothing from elsewhere and no
 * inline script: pages carry their data as inert JSON and load scripts (and the proof-of-work's worker) from
 * this origin only. The referrer goes to this origin only: a click on a counselling link does not tell the
 * other site that someone came from a reporting portal, while our own form posts keep their Origin (under
 * no-referrer a browser sends "Origin: null", and the origin check could not tell our forms from others').
 * HSTS only where the portal is reached over https: on plain http it would be ignored, and on localhost it
 * would pin other local services to https.
 */
export function securityHeaders({ https }: { https: boolean }): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: https ? 'max-age=63072000; includeSubDomains' : false,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
    },
  });
  return async (c, next) => {
    // A file of a report (server/evidence/staff-routes.ts) names its own, stricter policy, a sandbox: kept.
    let own: string | null = null;
    await headers(c, async () => {
      await next();
      own = c.res.headers.get('Content-Security-Policy');
    });
    if (own && (own as string).includes('sandbox')) c.res.headers.set('Content-Security-Policy', own);
    // Anything that is not a fingerprinted asset may show report content or a receipt code: never keep it.
    if (!c.req.path.startsWith('/assets/')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
