import { z } from 'zod';
import { NO_TRUSTED_PROXIES, parseTrustedProxies, type TrustedProxies } from './client-address';

/** How the portal protects its intake from floods without knowing who anyone is. */
export interface IntakeSettings {
  /** Reverse proxies whose X-Forwarded-For is believed (Node only; Workers get the client from Cloudflare). */
  trustedProxies: TrustedProxies;
  /** Reports one client may send in an hour with the proof of work solved; every other allowance follows. */
  clientReportsPerHour: number;
  /** Public reports per day (all clients together) after which further reports are flagged as a possible flood. */
  floodSoftLimit: number;
  /** The average number of key derivations (PBKDF2-SHA-256, 1 000 rounds each) a browser computes. */
  proofOfWorkDifficulty: number;
}

/** The intake's variables, the same on Node and on Workers. */
export const intakeEnvShape = {
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `${(error as Error).message} (e.g. 127.0.0.1,::1)` });
      }
    }),
  CLIENT_REPORTS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  FLOOD_SOFT_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(100),
  PROOF_OF_WORK_DIFFICULTY: z.coerce.number().int().min(1).max(10_000_000).default(5000),
};
const intakeEnvSchema = z.object(intakeEnvShape);

export function intakeSettingsFrom(e: z.infer<typeof intakeEnvSchema>): IntakeSettings {
  return {
    trustedProxies: e.TRUSTED_PROXIES ? parseTrustedProxies(e.TRUSTED_PROXIES) : NO_TRUSTED_PROXIES,
    clientReportsPerHour: e.CLIENT_REPORTS_PER_HOUR,
    floodSoftLimit: e.FLOOD_SOFT_LIMIT,
    proofOfWorkDifficulty: e.PROOF_OF_WORK_DIFFICULTY,
  };
}
