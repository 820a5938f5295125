import type { Kysely } from 'kysely';
import { AppError } from '../http/errors';
import type { Database } from '../../db/schema';
import { createAuditLog } from '../audit/log';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { createSealer } from '../crypto/sealing';
import type { PasswordHasher } from './passwords';
import { generatedAdminName } from './first-admin';
import { createStaffRepo } from './repo';
import { createAuthService } from './service';

/** The account service outside a request: for `npm start` on an empty database and `npm run admin:create`. */
export function authServiceFor(
  db: Kysely<Database>,
  clock: Clock,
  config: Pick<Config, 'staff' | 'encryptionKey' | 'office'>,
  passwords: PasswordHasher,
) {
  return createAuthService({
    repo: createStaffRepo(db),
    audit: createAuditLog(db, clock),
    clock,
    config: config.staff,
    totpSealer: createSealer(config.encryptionKey, 'totp-secret'),
    issuer: `Meldestelle ${config.office.region}`,
    encryptionKey: config.encryptionKey,
    passwords,
  });
}

/**
 * On an empty database, the first admin: the name chosen at setup (FIRST_ADMIN_NAME) or a generated one, and a
 * one-time password to change at first login. Returns both to print on the console (never to the request
 * log), or null when staff exist.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  clock: Clock,
  config: Pick<Config, 'staff' | 'encryptionKey' | 'office'>,
  passwords: PasswordHasher,
): Promise<{ username: string; password: string } | null> {
  const auth = authServiceFor(db, clock, config, passwords);
  if ((await auth.countUsers()) > 0) return null;
  try {
    const username = config.staff.firstAdminName ?? generatedAdminName();
    const { password } = await auth.createAdmin(username, 'Administrator');
    return { username, password };
  } catch (error) {
    // Several instances starting together on one empty database: one of them made the admin, and said so.
    // The other may learn it from the check or, when both checked before either wrote, from the unique index.
    if (error instanceof AppError && error.fields.username === 'errors.username_taken') return null;
    if ((await auth.countUsers()) > 0) return null;
    throw error;
  }
}
