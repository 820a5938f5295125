import type { Context } from 'hono';
import { staffTranslatorFor, translateStaffKey } from '../../shared/i18n/staff/catalog';
import type { AppEnv } from '../http/env';
import type { AppError } from '../http/errors';
import type { LoginRenderer, StaffPageRenderer } from './pages';
import { pickStaffLocale } from './locale';

/**
 * Errors on staff routes, in the staff's language: JSON under /api/staff, a page elsewhere. Without a
 * session, a page answers 401 with the login form (and comes back here after it).
 */
export function staffErrorResponse(
  c: Context<AppEnv>,
  error: AppError,
  views: { renderPage: StaffPageRenderer; renderLogin: LoginRenderer },
) {
  const { renderPage, renderLogin } = views;
  if (!c.var.st) {
    c.set('staffLocale', pickStaffLocale(undefined, c.req.query('lang'), c.req.header('accept-language')));
    c.set('st', staffTranslatorFor(c.var.staffLocale));
  }
  const t = c.var.st;
  if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
  if (c.req.path.startsWith('/api/')) {
    const fields = Object.fromEntries(Object.entries(error.fields).map(([f, key]) => [f, translateStaffKey(t, key)]));
    return c.json(
      {
        error: {
          code: error.key,
          message: translateStaffKey(t, error.key),
          ...(Object.keys(fields).length ? { fields } : {}),
        },
      },
      error.status as 400,
    );
  }
  if (error.status === 401) {
    const next = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/staff';
    return renderLogin(c, { error: error.key, next, status: 401 });
  }
  if (error.key === 'errors.password_change_required' || error.key === 'errors.totp_enrolment_required')
    return c.redirect(
      `/staff/account?required=${error.key === 'errors.totp_enrolment_required' ? 'totp' : 'password'}`,
      303,
    );
  return renderPage(
    c,
    'staffMessage',
    { titleKey: 'error.title', bodyKey: error.key, fields: error.fields },
    { titleKey: 'error.title', status: error.status as 400 },
  );
}
