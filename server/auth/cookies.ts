import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * Behind TLS the cookie is `__Host-` prefixed and Secure, so no other subdomain can set or read it.
 * HttpOnly keeps it from scripts; SameSite=Strict keeps it off requests that start on another site.
 * Lifetime: the session's absolute end; the database decides idle expiry.
 */
const name = (secure: boolean) => (secure ? '__Host-meldestelle_staff' : 'meldestelle_staff');
const LOGIN_CSRF = (secure: boolean) => (secure ? '__Host-meldestelle_login' : 'meldestelle_login');

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, name(secure));
}

export function setSessionCookie(c: Context, secure: boolean, token: string, maxAgeSeconds: number) {
  setCookie(c, name(secure), token, { path: '/', httpOnly: true, secure, sameSite: 'Strict', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context, secure: boolean) {
  deleteCookie(c, name(secure), { path: '/', httpOnly: true, secure, sameSite: 'Strict' });
}

/** The login form's double-submit token: there is no session yet to bind a CSRF token to. */
export function readLoginCsrfCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, LOGIN_CSRF(secure));
}

export function setLoginCsrfCookie(c: Context, secure: boolean, token: string) {
  setCookie(c, LOGIN_CSRF(secure), token, { path: '/', httpOnly: true, secure, sameSite: 'Strict', maxAge: 3600 });
}
