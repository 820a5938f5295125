import { hash, verify } from '@node-rs/argon2';
import { ARGON2_COST, type PasswordHasher } from './passwords';

/** argon2id in native code, for Node: about 30 ms per check here. `algorithm: 2` is Argon2id (a const enum). */
const OPTIONS = {
  algorithm: 2,
  memoryCost: ARGON2_COST.memoryKiB,
  timeCost: ARGON2_COST.passes,
  parallelism: ARGON2_COST.lanes,
} as const;

export const nativeArgon2id: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  async verify(passwordHash, password) {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  },
};
