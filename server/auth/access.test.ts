import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/staff';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { staffAccess } from './access';
import type { AuthService, StaffPrincipal } from './service';

/** A session per token: what the auth service would find for the cookie. */
function principal(
  role: StaffRole,
  setup: { mustChangePassword?: boolean; totpRequired?: boolean } = {},
): StaffPrincipal {
  return {
    user: {
      id: 1,
      username: role,
      displayName: role,
      role,
      locale: 'de',
      mustChangePassword: setup.mustChangePassword ?? false,
      totpEnrolled: false,
      totpRequired: setup.totpRequired ?? false,
      disabled: false,
    },
    sessionIdHash: 'hash',
    csrfToken: 'the-csrf-token',
  };
}
const sessions: Record<string, StaffPrincipal | 'expired'> = {
  admin: principal('admin'),
  caseworker: principal('caseworker'),
  analyst: principal('analyst'),
  fresh: principal('caseworker', { mustChangePassword: true }),
  untotp: principal('caseworker', { totpRequired: true }),
  old: 'expired',
};
const auth = { authenticate: async (token: string) => sessions[token] ?? null } as unknown as AuthService;

const ok = (c: { text(t: string): Response }) => c.text('through');
const app = new Hono<AppEnv>()
  .use('/staff/*', staffAccess(auth, false))
  .get('/staff/login', ok)
  .get('/staff/inbox', ok)
  .get('/staff/account', ok)
  .get('/staff/users', ok)
  .post('/staff/reports/:id{[0-9]+}/status', ok)
  .get('/staff/forgotten', ok)
  .onError((error, c) => (error instanceof AppError ? c.text(error.key, error.status) : c.text('bug', 500)));

const call = async (path: string, session?: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  if (session) headers.set('cookie', `meldestelle_staff=${session}`);
  const res = await app.request(path, { ...init, headers });
  return `${res.status} ${await res.text()}`;
};
const post = (path: string, session: string, body: BodyInit, type: string, csrfHeader?: string) =>
  call(path, session, {
    method: 'POST',
    body,
    headers: { 'content-type': type, ...(csrfHeader ? { 'x-csrf-token': csrfHeader } : {}) },
  });

describe('the staff access check', () => {
  it('lets the login through without a session, and nothing else', async () => {
    expect(await call('/staff/login')).toBe('200 through');
    expect(await call('/staff/inbox')).toBe('401 errors.session_required');
    expect(await call('/staff/inbox', 'forged')).toBe('401 errors.session_required');
  });

  it('ends an expired session and says so', async () => {
    const res = await app.request('/staff/inbox', { headers: { cookie: 'meldestelle_staff=old' } });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('errors.session_expired');
    expect(res.headers.get('set-cookie')).toMatch(/meldestelle_staff=;.*Max-Age=0/);
  });

  it('lets each role use what the access table gives it', async () => {
    expect(await call('/staff/inbox', 'caseworker')).toBe('200 through');
    expect(await call('/staff/inbox', 'analyst')).toBe('403 errors.forbidden');
    expect(await call('/staff/users', 'caseworker')).toBe('403 errors.forbidden');
    expect(await call('/staff/users', 'admin')).toBe('200 through');
  });

  it('refuses a route that has no line in the access table to everyone', async () => {
    expect(await call('/staff/forgotten', 'admin')).toBe('403 errors.forbidden');
  });

  it("wants the session's CSRF token for a change, in a header or the form", async () => {
    const path = '/staff/reports/7/status';
    const form = 'application/x-www-form-urlencoded';
    expect(await post(path, 'caseworker', 'status=in_review', form)).toBe('403 errors.csrf_invalid');
    expect(await post(path, 'caseworker', 'status=in_review&_csrf=guessed', form)).toBe('403 errors.csrf_invalid');
    expect(await post(path, 'caseworker', 'status=in_review&_csrf=the-csrf-token', form)).toBe('200 through');
    expect(await post(path, 'caseworker', '{}', 'application/json', 'the-csrf-token')).toBe('200 through');
    expect(await post(path, 'caseworker', '{}', 'application/json', 'the-csrf-token-')).toBe('403 errors.csrf_invalid');
  });

  it('keeps an account that must finish its setup on its account page', async () => {
    expect(await call('/staff/inbox', 'fresh')).toBe('403 errors.password_change_required');
    expect(await call('/staff/inbox', 'untotp')).toBe('403 errors.totp_enrolment_required');
    expect(await call('/staff/account', 'fresh')).toBe('200 through');
  });
});
