import { createHmac, hkdfSync } from 'node:crypto';
import type { StaffUserRow } from '../../db/schema';
import type { AuditLog } from '../audit/log';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { SlidingWindowCounter } from '../intake/sliding-window';
import type { StaffRepo } from './repo';

/**
 * Five wrong attempts for a name from one client (an address) within 15 minutes make that client wait: a
 * stranger cannot lock a colleague out by typing wrong passwords for her name. Counted in memory only,
 * under a rotating keyed hash, like every per-client limit.
 */
export const LOGIN_MAX_FAILURES = 5;
/**
 * Across all clients a name has a higher cap, counted in the database so that instances agree: a brake on
 * guessing from many addresses at once. It locks the name for 15 minutes, except for clients that signed in
 * with it before (in this process's memory, for 30 days), so the office keeps working during an attack.
 */
export const LOGIN_MAX_FAILURES_PER_NAME = 50;
const LOGIN_WINDOW_MS = 15 * 60_000;
const LOGIN_LOCK_MS = 15 * 60_000;
const KNOWN_CLIENT_MS = 30 * 24 * 3600_000;

/** When a sign-in may be tried, and what a failure costs: per name and client, and per name. */
export function createLoginLimits({
  repo,
  audit,
  clock,
  encryptionKey,
}: {
  repo: StaffRepo;
  audit: AuditLog;
  clock: Clock;
  encryptionKey: string;
}) {
  const nameKey = Buffer.from(
    hkdfSync('sha256', Buffer.from(encryptionKey, 'hex'), Buffer.alloc(0), 'login-throttle', 32),
  );
  /** The name's row in the database: a keyed hash, also for names that do not exist. */
  const keyOf = (username: string) => createHmac('sha256', nameKey).update(username).digest('hex');
  const pairOf = (username: string, client: string) => `${username}\n${client}`;
  const iso = (ms: number) => new Date(ms).toISOString();
  const clientFailures = new SlidingWindowCounter(clock, LOGIN_WINDOW_MS, LOGIN_MAX_FAILURES);
  const knownClients = new SlidingWindowCounter(clock, KNOWN_CLIENT_MS, 1);

  function assertClientMayTry(pair: string) {
    if (clientFailures.count(pair) >= LOGIN_MAX_FAILURES)
      throw new AppError(429, 'errors.login_throttled', {}, clientFailures.retryAfterSeconds(pair, LOGIN_MAX_FAILURES));
  }

  return {
    /** Before checking a password: refused while this client waits, or while the name is locked (to strangers). */
    async assertMayTry(username: string, client: string) {
      const pair = pairOf(username, client);
      assertClientMayTry(pair);
      if (knownClients.count(pair) > 0) return;
      const row = await repo.loginFailures(keyOf(username));
      const now = clock.now().getTime();
      if (row?.locked_until && Date.parse(row.locked_until) > now)
        throw new AppError(429, 'errors.login_locked', {}, Math.ceil((Date.parse(row.locked_until) - now) / 1000));
    },

    /** A wrong password or code: counted, audited, and answered (401, or 429 once this client has to wait). */
    async failed(username: string, client: string, user: StaffUserRow | undefined, reason: string): Promise<never> {
      const now = clock.now().getTime();
      const pair = pairOf(username, client);
      clientFailures.add(pair);
      const failures = await repo.recordLoginFailure(keyOf(username), iso(now), iso(now - LOGIN_WINDOW_MS));
      const actor = user ? { id: user.id, name: user.username } : { id: null, name: '(unknown)' };
      await audit.record(actor, 'login.failure', { detail: { reason, failures } });
      if (failures >= LOGIN_MAX_FAILURES_PER_NAME) {
        await repo.lockLogin(keyOf(username), iso(now + LOGIN_LOCK_MS));
        await audit.record(actor, 'login.locked', { detail: { minutes: LOGIN_LOCK_MS / 60_000 } });
      }
      assertClientMayTry(pair);
      throw new AppError(401, reason === 'totp' ? 'errors.totp_invalid' : 'errors.login_failed');
    },

    /** Signed in: the counts start again, and this client is known for the name from now on. */
    async succeeded(username: string, client: string) {
      await repo.clearLoginFailures(keyOf(username));
      clientFailures.clear(pairOf(username, client));
      knownClients.add(pairOf(username, client));
    },

    /** An admin's reset lifts the name's lock. */
    clearName: (username: string) => repo.clearLoginFailures(keyOf(username)),
  };
}
