import { argon2idAsync } from '@noble/hashes/argon2.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Hashes staff passwords with argon2id and checks them. Two implementations write the same standard PHC
 * strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so a database can move between them: the native one on
 * Node (fast), and a portable one in plain JavaScript where native code cannot run (Cloudflare Workers).
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/** OWASP's recommended minimum for argon2id: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_COST = { memoryKiB: 19_456, passes: 2, lanes: 1 } as const;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

/** argon2id in JavaScript (@noble/hashes), yielding to the event loop while it works. */
export const portableArgon2id: PasswordHasher = {
  async hash(password) {
    const salt = randomBytes(16);
    const { memoryKiB: m, passes: t, lanes: p } = ARGON2_COST;
    const digest = await argon2idAsync(password, salt, { m, t, p, dkLen: 32, asyncTick: 20 });
    return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(digest)}`;
  },
  async verify(passwordHash, password) {
    const parsed = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(passwordHash);
    if (!parsed) return false;
    const [, m, t, p, salt, expected] = parsed;
    const want = Buffer.from(expected!, 'base64');
    const got = await argon2idAsync(password, Buffer.from(salt!, 'base64'), {
      m: Number(m),
      t: Number(t),
      p: Number(p),
      dkLen: want.length,
      asyncTick: 20,
    });
    return got.length === want.length && timingSafeEqual(got, want);
  },
};

/**
 * Verifying against a throwaway hash when the user name is unknown costs the same time as a real check:
 * no probing for names by timing.
 */
export function timingGuard(hasher: PasswordHasher) {
  let dummyHash: Promise<string> | undefined;
  return async (password: string): Promise<void> => {
    dummyHash ??= hasher.hash(randomBytes(16).toString('hex'));
    await hasher.verify(await dummyHash, password);
  };
}

/** A one-time password to hand over on paper or by phone: 20 characters without look-alikes (~100 bits). */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  const bytes = randomBytes(20);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out.match(/.{1,5}/g)!.join('-');
}
