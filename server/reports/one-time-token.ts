import { createHmac, randomBytes } from 'node:crypto';

/**
 * Every form that creates something (the review screen's send, a reporter's message) carries a one-time
 * token: 128 random bits, made when the form is drawn. The server keeps only a keyed hash of a used token,
 * for a day, so a repeated post (a reload, Back and Forward, a double tap on a slow network) stores nothing.
 */
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function newOneTimeToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The token a form posted, or null when there is none that could be ours. */
export function postedOneTimeToken(value: unknown): string | null {
  return typeof value === 'string' && TOKEN.test(value) ? value : null;
}

export function hashOneTimeToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(`once:${token}`).digest('hex');
}

/** A used token is kept from the day of use until the end of the next: at least a day, never much longer. */
export function forgetTokensBefore(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
