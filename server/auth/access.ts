import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { timingSafeEqual } from 'node:crypto';
import type { StaffRole } from '../../shared/staff';
import { actionAccess } from '../staff/action';
import { STAFF_ACTIONS } from '../staff/actions';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { readSessionCookie, clearSessionCookie } from './cookies';
import { ADMIN, ANYONE, CASEWORK } from './roles';
import type { AuthService } from './service';

export interface RouteAccess {
  roles: readonly StaffRole[];
  /**
   * Usable while the account still has to change its one-time password or enrol TOTP: only what is needed
   * to do that (and to leave).
   */
  beforeSetup?: true;
}

const account = { roles: ANYONE, beforeSetup: true } as const;

/** Reached without a session: the login itself. Everything else under /staff and /api/staff needs one. */
export const PUBLIC_STAFF_ROUTES: ReadonlySet<string> = new Set([
  'GET /staff/login',
  'POST /staff/login',
  'POST /api/staff/session',
]);

/**
 * Who may use which staff route, in one table a reviewer can read: what is looked at and one's own account
 * here; every change below, from its one declaration (server/staff/actions.ts). A route missing here is
 * refused to everyone (and fails the authorization test), so a new route cannot be reachable by accident.
 */
export const STAFF_ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'GET /staff': { roles: ANYONE },
  'POST /staff/logout': account,
  'GET /staff/account': account,
  'POST /staff/account/password': account,
  'POST /staff/account/locale': account,
  'POST /staff/account/totp': account,
  'POST /staff/account/totp/disable': { roles: ANYONE },
  'GET /staff/inbox': { roles: CASEWORK },
  'GET /staff/inbox.csv': { roles: CASEWORK },
  'GET /staff/inbox/spam': { roles: CASEWORK },
  'GET /staff/reports/:id{[0-9]+}': { roles: CASEWORK },
  'POST /staff/reports/:id{[0-9]+}/messages/preview': { roles: CASEWORK },
  'GET /staff/reports/new': { roles: CASEWORK },
  'POST /staff/reports/new': { roles: CASEWORK },
  'GET /staff/users': { roles: ADMIN },
  'GET /staff/audit': { roles: ADMIN },
  'GET /staff/statistics': { roles: ANYONE },
  'GET /staff/statistics/report': { roles: ANYONE },
  'GET /staff/statistics/export.csv': { roles: ANYONE },
  'GET /staff/statistics/export.json': { roles: ANYONE },
  'POST /staff/evidence/:file{[a-f0-9]{32}}/cover': { roles: CASEWORK },
  'POST /staff/evidence/:file{[a-f0-9]{32}}/delete': { roles: CASEWORK },
  // The office's settings (server/office/settings-routes.ts): contacts, places, texts, retention, threshold.
  'GET /staff/settings': { roles: ADMIN },
  'POST /staff/settings': { roles: ADMIN },
  // One's own notifications; the page shows admins the queue as well.
  'GET /staff/notifications': { roles: CASEWORK },

  'GET /api/staff/session': account,
  'DELETE /api/staff/session': account,
  'POST /api/staff/password': account,
  'POST /api/staff/totp': account,
  'POST /api/staff/totp/confirm': account,
  'GET /api/staff/reports': { roles: CASEWORK },
  'GET /api/staff/reports/export.csv': { roles: CASEWORK },
  'GET /api/staff/reports/:id{[0-9]+}': { roles: CASEWORK },
  'POST /api/staff/reports': { roles: CASEWORK },
  'POST /api/staff/reports/:id{[0-9]+}/messages/preview': { roles: CASEWORK },
  // Evidence (server/evidence/staff-routes.ts): files of reports, for casework only.
  'GET /api/staff/reports/:id{[0-9]+}/evidence': { roles: CASEWORK },
  'GET /api/staff/evidence/:file{[a-f0-9]{32}}': { roles: CASEWORK },
  'POST /api/staff/evidence/:file{[a-f0-9]{32}}/cover': { roles: CASEWORK },
  'DELETE /api/staff/evidence/:file{[a-f0-9]{32}}': { roles: CASEWORK },
  'GET /api/staff/users': { roles: ADMIN },
  'GET /api/staff/audit': { roles: ADMIN },
  // Exact figures need the admin role as well: the route checks `exact=1` itself.
  'GET /api/staff/statistics': { roles: ANYONE },
  // Notifications (server/notifications/api-routes.ts): one's own choice; the queue for admins.
  'GET /api/staff/notifications': { roles: CASEWORK },
  'GET /api/staff/notifications/queue': { roles: ADMIN },
  'GET /api/staff/settings/office': { roles: ADMIN },
  'PUT /api/staff/settings/office': { roles: ADMIN },

  ...actionAccess(STAFF_ACTIONS),
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The route a request will reach ("GET /staff/reports/:id"), or null when none will (a 404). */
export function routeKeyOf(c: Parameters<MiddlewareHandler>[0]): string | null {
  // The first handler that matches answers the request (middleware is registered as ALL).
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL');
  if (!route || !/^\/(api\/)?staff(\/|$)/.test(route.path)) return null;
  return `${route.method === 'HEAD' ? 'GET' : route.method} ${route.path.replace(/\/$/, '')}`;
}

/**
 * The one gate of every staff route: a live session, a role the table allows, finished account setup, and
 * for every state change the session's CSRF token (header or form field; SameSite=Strict alone is not
 * enough, e.g. against a compromised sibling subdomain or an old browser).
 */
export function staffAccess(auth: AuthService, secureCookies: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = routeKeyOf(c);
    if (!key || PUBLIC_STAFF_ROUTES.has(key)) return next();
    const token = readSessionCookie(c, secureCookies);
    const principal = token ? await auth.authenticate(token) : null;
    if (principal === 'expired') {
      clearSessionCookie(c, secureCookies);
      throw new AppError(401, 'errors.session_expired');
    }
    if (!principal) throw new AppError(401, 'errors.session_required');
    c.set('staff', principal);
    const access = STAFF_ROUTE_ACCESS[key];
    if (!access || !access.roles.includes(principal.user.role)) throw new AppError(403, 'errors.forbidden');
    if (!SAFE_METHODS.has(c.req.method) && !(await hasValidCsrfToken(c, principal.csrfToken)))
      throw new AppError(403, 'errors.csrf_invalid');
    if (!access.beforeSetup) {
      if (principal.user.mustChangePassword) throw new AppError(403, 'errors.password_change_required');
      if (principal.user.totpRequired && !principal.user.totpEnrolled)
        throw new AppError(403, 'errors.totp_enrolment_required');
    }
    return next();
  };
}

async function hasValidCsrfToken(c: Parameters<MiddlewareHandler>[0], expected: string): Promise<boolean> {
  let sent = c.req.header('x-csrf-token');
  const type = c.req.header('content-type') ?? '';
  if (!sent && /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    const field = (await c.req.parseBody())._csrf;
    sent = typeof field === 'string' ? field : undefined;
  }
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
