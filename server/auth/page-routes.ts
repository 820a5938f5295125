import { Hono, type Context } from 'hono';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  localeChangeSchema,
  loginSchema,
  passwordChangeSchema,
  totpConfirmSchema,
  totpDisableSchema,
} from '../../shared/staff';
import type { StaffConfig } from '../config';
import type { AppContext, AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import type { StaffPageRenderer } from '../staff/pages';
import { noticeKeyFrom, parseStaffForm, redirectWithNotice } from '../staff/forms';
import { clearSessionCookie, readLoginCsrfCookie, setLoginCsrfCookie, setSessionCookie } from './cookies';
import type { AuthService, StaffPrincipal } from './service';

interface Deps {
  auth: AuthService;
  config: StaffConfig;
  renderPage: StaffPageRenderer;
  /** The caller's address for the per-client login limit: only ever hashed in memory. */
  clientKey: (c: AppContext) => string;
}

/** Only a path inside the back office: a login link cannot send anyone elsewhere afterwards. */
const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/staff(\/[\w\-./?=&%]*)?$/.test(next) && !next.includes('//') ? next : '/staff';

/** The login page with a fresh double-submit token in a cookie and in the form. */
export function renderLoginPage(config: StaffConfig, renderPage: StaffPageRenderer) {
  return (
    c: Context<AppEnv>,
    options: { error?: string; next?: string; username?: string; status?: 200 | 401 | 403 | 422 | 429 } = {},
  ) => {
    const loginCsrf = randomBytes(24).toString('base64url');
    setLoginCsrfCookie(c, config.secureCookies, loginCsrf);
    return renderPage(
      c,
      'login',
      { loginCsrf, error: options.error, next: options.next, username: options.username },
      { titleKey: 'login.title', status: options.status ?? 200 },
    );
  };
}

export function authPageRoutes({ auth, config, renderPage, clientKey }: Deps) {
  const login = renderLoginPage(config, renderPage);
  const account = (
    c: Context<AppEnv>,
    extra: { enrolment?: { secret: string; qrSvg: string; pending: string }; errors?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) => {
    const user = (c.var.staff as StaffPrincipal).user;
    return renderPage(
      c,
      'account',
      {
        username: user.username,
        mustChangePassword: user.mustChangePassword,
        totpRequired: user.totpRequired,
        totpEnrolled: user.totpEnrolled,
        enrolment: extra.enrolment,
        errors: extra.errors ?? {},
        notice: noticeKeyFrom(c.req.query('notice')),
      },
      { titleKey: 'account.title', status },
    );
  };

  /** Field errors of a form shown on the account page instead of an error page. */
  const onAccountError = async (c: Context<AppEnv>, run: () => Promise<Response>) => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return account(c, { errors: error.fields }, 422);
      throw error;
    }
  };

  return new Hono<AppEnv>()
    .get('/staff/login', (c) => login(c, { next: safeNext(c.req.query('next')) }))
    .post('/staff/login', async (c) => {
      const body = await c.req.parseBody();
      const cookie = readLoginCsrfCookie(c, config.secureCookies) ?? '';
      const sent = typeof body._login_csrf === 'string' ? body._login_csrf : '';
      const next = safeNext(body.next);
      if (!cookie || cookie.length !== sent.length || !timingSafeEqual(Buffer.from(cookie), Buffer.from(sent)))
        return login(c, { error: 'errors.csrf_invalid', next, status: 403 });
      const parsed = loginSchema.safeParse({ username: body.username, password: body.password, totp: body.totp });
      if (!parsed.success) return login(c, { error: 'errors.login_failed', next, status: 401 });
      try {
        const { token } = await auth.login(parsed.data, clientKey(c));
        setSessionCookie(c, config.secureCookies, token, config.sessionHours * 3600);
        return c.redirect(next, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
        return login(c, {
          error: error.key,
          next,
          username: parsed.data.username,
          status: error.status === 429 ? 429 : 401,
        });
      }
    })
    .post('/staff/logout', async (c) => {
      await auth.logout(c.var.staff);
      clearSessionCookie(c, config.secureCookies);
      return c.redirect('/staff/login', 303);
    })
    .get('/staff', (c) => c.redirect(c.var.staff.user.role === 'analyst' ? '/staff/statistics' : '/staff/inbox', 303))
    .get('/staff/account', (c) => account(c))
    .post('/staff/account/password', (c) =>
      onAccountError(c, async () => {
        const { current, next } = await parseStaffForm(c, passwordChangeSchema);
        await auth.changePassword(c.var.staff, current, next);
        return redirectWithNotice(c, '/staff/account', 'notices.password_changed');
      }),
    )
    .post('/staff/account/locale', async (c) => {
      const { locale } = await parseStaffForm(c, localeChangeSchema);
      await auth.setLocale(c.var.staff, locale);
      return c.redirect(staffPathOf(c.req.header('referer')), 303);
    })
    .post('/staff/account/totp', (c) =>
      onAccountError(c, async () => {
        const body = await c.req.parseBody();
        if (typeof body.pending !== 'string') return account(c, { enrolment: auth.startTotpEnrolment(c.var.staff) });
        const parsed = totpConfirmSchema.safeParse({ code: body.code, password: body.password });
        if (!parsed.success) {
          // Keep the same secret on screen: the person has already scanned it.
          return account(
            c,
            {
              enrolment: reopenEnrolment(auth, c, body.pending),
              errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), fieldError(i)])),
            },
            422,
          );
        }
        try {
          await auth.confirmTotpEnrolment(c.var.staff, body.pending, parsed.data.code, parsed.data.password);
        } catch (error) {
          if (error instanceof AppError && error.status === 422)
            return account(c, { enrolment: reopenEnrolment(auth, c, body.pending), errors: error.fields }, 422);
          throw error;
        }
        return redirectWithNotice(c, '/staff/account', 'notices.totp_enrolled');
      }),
    )
    .post('/staff/account/totp/disable', (c) =>
      onAccountError(c, async () => {
        const { password } = await parseStaffForm(c, totpDisableSchema);
        await auth.disableTotp(c.var.staff, password);
        return redirectWithNotice(c, '/staff/account', 'notices.totp_disabled');
      }),
    );
}

/** Back to the staff page the language was switched on; any other or unreadable Referer leads to /staff. */
function staffPathOf(referer: string | undefined): string {
  if (!referer || !URL.canParse(referer)) return '/staff';
  const { pathname } = new URL(referer);
  return /^\/staff(\/|$)/.test(pathname) ? pathname : '/staff';
}

/** The code's own message, or "wrong" for whatever else the code field got. */
function fieldError(issue: { path: PropertyKey[]; message: string }): string {
  if (issue.path[0] === 'password') return 'errors.password_wrong';
  return issue.message.startsWith('errors.') ? issue.message : 'errors.totp_invalid';
}

function reopenEnrolment(auth: AuthService, c: Context<AppEnv>, pending: string) {
  return auth.reopenTotpEnrolment(c.var.staff, pending) ?? auth.startTotpEnrolment(c.var.staff);
}
