import type { MiddlewareHandler } from 'hono';
import { STAFF_LOCALES, type StaffLocale } from '../../shared/staff';
import { staffTranslatorFor } from '../../shared/i18n/staff/catalog';
import type { AppEnv } from '../http/env';
import { negotiateLocale } from '../http/locale';

/**
 * The back office speaks German or English: the signed-in person's choice, else `?lang=`, else the
 * browser's. Runs after the access check, so the session's choice is known.
 */
export function staffLocale(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set(
      'staffLocale',
      pickStaffLocale(c.var.staff?.user.locale, c.req.query('lang'), c.req.header('accept-language')),
    );
    c.set('st', staffTranslatorFor(c.var.staffLocale));
    await next();
  };
}

export function pickStaffLocale(
  chosen: StaffLocale | undefined,
  query: string | undefined,
  acceptLanguage: string | undefined,
): StaffLocale {
  if (chosen) return chosen;
  if (query && (STAFF_LOCALES as readonly string[]).includes(query)) return query as StaffLocale;
  return negotiateLocale(acceptLanguage, STAFF_LOCALES) as StaffLocale;
}
