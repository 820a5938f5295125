import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { usernameSchema } from '../../shared/staff';

/**
 * The first admin's name, chosen at setup (FIRST_ADMIN_NAME) or generated: a name everyone can guess
 * ("admin") is half of a login, and the target of anyone who wants to try passwords or lock someone out.
 */
export const firstAdminEnvShape = {
  FIRST_ADMIN_NAME: z
    .string()
    .refine((name) => usernameSchema.safeParse(name).data === name, {
      error: 'must be 2–40 characters: a–z, 0–9, dot, dash, underscore',
    })
    .optional(),
};

const LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "admin-" and six letters or digits (30 bits): printed once at the first start, with the one-time password. */
export function generatedAdminName(): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += LETTERS[randomInt(LETTERS.length)];
  return `admin-${suffix}`;
}
