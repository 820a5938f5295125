import { Hono } from 'hono';
import { loginSchema, passwordChangeSchema, totpConfirmSchema } from '../../shared/staff';
import { z } from 'zod';
import type { StaffConfig } from '../config';
import type { AppContext, AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import { clearSessionCookie, setSessionCookie } from './cookies';
import type { AuthService } from './service';

export const totpConfirmBody = totpConfirmSchema.extend({ pending: z.string().min(1).max(500) });

/** Sign-in and one's own account, as JSON. The login needs no CSRF token: JSON cannot be posted cross-site without CORS. */
export function authApiRoutes({
  auth,
  config,
  clientKey,
}: {
  auth: AuthService;
  config: StaffConfig;
  clientKey: (c: AppContext) => string;
}) {
  return new Hono<AppEnv>()
    .post('/api/staff/session', async (c) => {
      const { token, csrfToken, user } = await auth.login(await parseJsonBody(c, loginSchema), clientKey(c));
      setSessionCookie(c, config.secureCookies, token, config.sessionHours * 3600);
      return c.json({ user, csrfToken });
    })
    .get('/api/staff/session', (c) => c.json({ user: c.var.staff.user, csrfToken: c.var.staff.csrfToken }))
    .delete('/api/staff/session', async (c) => {
      await auth.logout(c.var.staff);
      clearSessionCookie(c, config.secureCookies);
      return c.json({ loggedOut: true });
    })
    .post('/api/staff/password', async (c) => {
      const { current, next } = await parseJsonBody(c, passwordChangeSchema);
      await auth.changePassword(c.var.staff, current, next);
      return c.json({ changed: true });
    })
    .post('/api/staff/totp', (c) => {
      const { secret, uri, pending } = auth.startTotpEnrolment(c.var.staff);
      return c.json({ secret, uri, pending });
    })
    .post('/api/staff/totp/confirm', async (c) => {
      const { pending, code, password } = await parseJsonBody(c, totpConfirmBody);
      await auth.confirmTotpEnrolment(c.var.staff, pending, code, password);
      return c.json({ enrolled: true });
    });
}
