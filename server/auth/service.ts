import { createHash, randomBytes } from 'node:crypto';
import type { StaffUserRow } from '../../db/schema';
import type { LoginInput, StaffLocale, StaffRole } from '../../shared/staff';
import type { StaffUser } from '../../shared/staff-views';
import type { AuditLog } from '../audit/log';
import type { Clock } from '../clock';
import type { StaffConfig } from '../config';
import type { Sealer } from '../crypto/sealing';
import { AppError } from '../http/errors';
import { createLoginLimits } from './login-limits';
import { generateOneTimePassword, timingGuard, type PasswordHasher } from './passwords';
import type { StaffRepo } from './repo';
import { generateTotpSecret, matchTotpStep, totpEnrolment } from './totp';

/** last_seen_at is written at most this often: a page full of requests is one write, not twenty. */
const TOUCH_INTERVAL_MS = 60_000;

export type { StaffUser };

/** The signed-in person of a request. */
export interface StaffPrincipal {
  user: StaffUser;
  sessionIdHash: string;
  csrfToken: string;
}

export interface AuthServiceDeps {
  repo: StaffRepo;
  audit: AuditLog;
  clock: Clock;
  config: StaffConfig;
  totpSealer: Sealer;
  /** The office's name, shown as the issuer in authenticator apps. */
  issuer: string;
  encryptionKey: string;
  passwords: PasswordHasher;
}

export function toStaffUser(row: StaffUserRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale === 'en' ? 'en' : 'de',
    mustChangePassword: row.must_change_password === 1,
    totpEnrolled: row.totp_secret !== null,
    totpRequired: row.totp_required === 1,
    disabled: row.disabled === 1,
  };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createAuthService({
  repo,
  audit,
  clock,
  config,
  totpSealer,
  issuer,
  encryptionKey,
  passwords,
}: AuthServiceDeps) {
  const burnVerificationTime = timingGuard(passwords);
  const limits = createLoginLimits({ repo, audit, clock, encryptionKey });
  const iso = (ms: number) => new Date(ms).toISOString();
  const openTotpSecret = (user: StaffUserRow) =>
    user.totp_secret ? totpSealer.open(user.totp_secret, `totp:${user.id}`) : null;

  /** Changes to the second factor need the password again: a session left open must not be enough. */
  async function requirePassword(principal: StaffPrincipal, password: string): Promise<StaffUserRow> {
    const user = await requireUser(principal.user.id);
    if (!(await passwords.verify(user.password_hash, password)))
      throw new AppError(422, 'errors.validation', { password: 'errors.password_wrong' });
    return user;
  }

  async function newSession(userId: number) {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now().getTime();
    const csrfToken = randomBytes(32).toString('base64url');
    await repo.insertSession({
      id_hash: hashSessionToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: iso(now),
      last_seen_at: iso(now),
      expires_at: iso(now + config.sessionHours * 3_600_000),
    });
    return { token, csrfToken };
  }

  async function requireUser(id: number): Promise<StaffUserRow> {
    const user = await repo.userById(id);
    if (!user) throw new AppError(404, 'errors.user_unknown');
    return user;
  }

  return {
    /**
     * Password, then (when enrolled) the TOTP code. Every failure counts for the name from this client, and for
     * the name as a whole. `client`: the caller's address, only ever hashed in memory.
     */
    async login(input: LoginInput, client: string): Promise<{ token: string; csrfToken: string; user: StaffUser }> {
      const { username } = input;
      await limits.assertMayTry(username, client);
      const user = await repo.userByName(username);
      if (!user || user.disabled) {
        await burnVerificationTime(input.password);
        return limits.failed(username, client, user, 'password');
      }
      if (!(await passwords.verify(user.password_hash, input.password)))
        return limits.failed(username, client, user, 'password');
      const secret = openTotpSecret(user);
      if (secret) {
        if (!input.totp) throw new AppError(401, 'errors.totp_required', { totp: 'errors.totp_required' });
        const step = matchTotpStep(secret, input.totp, clock.now(), user.totp_last_step);
        if (step === null || !(await repo.claimTotpStep(user.id, step)))
          return limits.failed(username, client, user, 'totp');
      }
      await limits.succeeded(username, client);
      const session = await newSession(user.id);
      await audit.record({ id: user.id, name: user.username }, 'login.success', { detail: { totp: Boolean(secret) } });
      return { ...session, user: toStaffUser(user) };
    },

    /** The session behind a cookie's token; 'expired' once idle or past its absolute end (and then deleted). */
    async authenticate(token: string): Promise<StaffPrincipal | 'expired' | null> {
      const idHash = hashSessionToken(token);
      const session = await repo.sessionByHash(idHash);
      if (!session) return null;
      const now = clock.now().getTime();
      const idle = now - Date.parse(session.lastSeenAt) > config.idleMinutes * 60_000;
      if (idle || now >= Date.parse(session.expiresAt) || session.user.disabled) {
        await repo.deleteSession(idHash);
        return 'expired';
      }
      if (now - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) await repo.touchSession(idHash, iso(now));
      return { user: toStaffUser(session.user), sessionIdHash: idHash, csrfToken: session.csrfToken };
    },

    async logout(principal: StaffPrincipal) {
      await repo.deleteSession(principal.sessionIdHash);
      await audit.record(actorOf(principal), 'logout');
    },

    async changePassword(principal: StaffPrincipal, current: string, next: string) {
      const user = await requireUser(principal.user.id);
      if (!(await passwords.verify(user.password_hash, current)))
        throw new AppError(422, 'errors.validation', { current: 'errors.password_wrong' });
      if (next === current || next.toLowerCase().includes(user.username))
        throw new AppError(422, 'errors.validation', { next: 'errors.password_weak' });
      await repo.updateUser(user.id, { password_hash: await passwords.hash(next), must_change_password: 0 });
      await repo.deleteSessionsOf(user.id, principal.sessionIdHash);
      await audit.record(actorOf(principal), 'password.change');
    },

    /** A new secret, sealed for the form so that nothing is stored until the person proves their app has it. */
    startTotpEnrolment(principal: StaffPrincipal) {
      const secret = generateTotpSecret();
      return {
        secret,
        pending: totpSealer.seal(secret, `totp-pending:${principal.user.id}`),
        ...totpEnrolment(secret, principal.user.username, issuer),
      };
    },

    /** The same enrolment again after a mistyped code: the person has already scanned this secret. */
    reopenTotpEnrolment(principal: StaffPrincipal, pending: string) {
      const secret = totpSealer.open(pending, `totp-pending:${principal.user.id}`);
      return secret ? { secret, pending, ...totpEnrolment(secret, principal.user.username, issuer) } : null;
    },

    async confirmTotpEnrolment(principal: StaffPrincipal, pending: string, code: string, password: string) {
      await requirePassword(principal, password);
      const secret = totpSealer.open(pending, `totp-pending:${principal.user.id}`);
      if (!secret) throw new AppError(422, 'errors.validation', { code: 'errors.totp_enrolment_expired' });
      const step = matchTotpStep(secret, code, clock.now(), null);
      if (step === null) throw new AppError(422, 'errors.validation', { code: 'errors.totp_invalid' });
      await repo.updateUser(principal.user.id, {
        totp_secret: totpSealer.seal(secret, `totp:${principal.user.id}`),
        totp_last_step: step,
      });
      await audit.record(actorOf(principal), 'totp.enrol');
    },

    async disableTotp(principal: StaffPrincipal, password: string) {
      if (principal.user.totpRequired) throw new AppError(409, 'errors.totp_is_required');
      await requirePassword(principal, password);
      await repo.updateUser(principal.user.id, { totp_secret: null, totp_last_step: null });
      await audit.record(actorOf(principal), 'totp.disable');
    },

    async setLocale(principal: StaffPrincipal, locale: StaffLocale) {
      await repo.updateUser(principal.user.id, { locale });
    },

    async listUsers(): Promise<StaffUser[]> {
      return (await repo.listUsers()).map(toStaffUser);
    },

    /** A new account with a one-time password that must be changed at first login. */
    async createUser(actor: Actor, input: { username: string; displayName: string; role: StaffRole }) {
      if (await repo.userByName(input.username))
        throw new AppError(409, 'errors.validation', { username: 'errors.username_taken' });
      const password = generateOneTimePassword();
      const id = await repo.insertUser({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: await passwords.hash(password),
        created_at: clock.now().toISOString(),
      });
      await audit.record(actor, 'user.create', { detail: { user: id, role: input.role } });
      return { id, password };
    },

    /** An admin's reset: a new one-time password, all sessions end, the lock is lifted. */
    async resetPassword(actor: Actor, userId: number) {
      const user = await requireUser(userId);
      const password = generateOneTimePassword();
      await repo.updateUser(user.id, { password_hash: await passwords.hash(password), must_change_password: 1 });
      await repo.deleteSessionsOf(user.id);
      await limits.clearName(user.username);
      await audit.record(actor, 'password.reset', { detail: { user: user.id } });
      return { password };
    },

    async updateUser(
      actor: Actor,
      userId: number,
      changes: { role?: StaffRole | undefined; totpRequired?: boolean | undefined; disabled?: boolean | undefined },
    ) {
      const user = await requireUser(userId);
      // The last way in must stay open: an admin cannot demote or disable themselves.
      if (user.id === actor.id && ((changes.role && changes.role !== 'admin') || changes.disabled))
        throw new AppError(409, 'errors.cannot_lock_out_self');
      await repo.updateUser(user.id, {
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.totpRequired === undefined ? {} : { totp_required: changes.totpRequired ? 1 : 0 }),
        ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
      });
      if (changes.disabled || (changes.role && changes.role !== user.role)) await repo.deleteSessionsOf(user.id);
      await audit.record(actor, 'user.update', {
        detail: {
          user: user.id,
          ...(changes.role ? { role: changes.role } : {}),
          ...(changes.totpRequired === undefined ? {} : { totpRequired: changes.totpRequired }),
          ...(changes.disabled === undefined ? {} : { disabled: changes.disabled }),
        },
      });
    },

    /** For `npm start` on an empty database and `npm run admin:create`. */
    async createAdmin(username: string, displayName: string) {
      return this.createUser({ id: null, name: 'system' }, { username, displayName, role: 'admin' });
    },

    countUsers: () => repo.countUsers(),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

type Actor = { id: number; name: string } | { id: null; name: string };

export function actorOf(principal: StaffPrincipal) {
  return { id: principal.user.id, name: principal.user.username };
}
