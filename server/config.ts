import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { llmEnvShape, llmSettingsFrom, type LlmSettings } from './assistant/settings';

export type { LlmSettings };
import { officeSchema, type Office } from './office/schema';
import { statsMinCount } from './stats/settings';
import staedteregionAachen from './office/staedteregion-aachen.json';
// Notifications: their variables, checks and settings live in server/notifications/settings.ts.
import {
  checkNotificationEnv,
  notificationEnvShape,
  notificationSettingsFrom,
  type NotificationSettings,
} from './notifications/settings';
import {
  checkTranslationEnv,
  translationEnvShape,
  translationSettingsFrom,
  type TranslationSettings,
} from './translation/settings';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  PUBLIC_BASE_URL: z.url({ error: 'must be an absolute URL such as https://meldestelle.example.org' }).optional(),
  RECEIPT_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  OFFICE_CONFIG: z.string().min(1).optional(),
  LOG_REQUESTS: z.enum(['true', 'false']).default('true'),
  ...llmEnvShape,
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (e.g. `openssl rand -hex 32`)')
    .optional(),
  STAFF_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  STAFF_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(10),
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  RETENTION_JOB: z.enum(['true', 'false']).default('true'),
  STATS_MIN_COUNT: statsMinCount,
  ...notificationEnvShape,
  ...translationEnvShape,
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  publicBaseUrl: string;
  receiptSecret: string;
  office: Office;
  logRequests: boolean;
  llm: LlmSettings | null;
  /**
   * 32 bytes, hex: seals contact details and TOTP secrets (a key per purpose is derived from it). Losing it
   * makes them unreadable; that is accepted, as contact details are short-lived by design.
   */
  encryptionKey: string;
  staff: StaffConfig;
  retention: RetentionConfig;
  stats: StatsConfig;
  /** Null when neither mail nor a webhook is set up: nothing is queued. */
  notifications: NotificationSettings | null;
  /** The translator of reports and messages (server/translation/); `none`: the phrasebook only. */
  translation: TranslationSettings;
}

export interface StatsConfig {
  /** Published counts from 1 to minCount − 1 show as "<minCount" (with secondary suppression). */
  minCount: number;
}

export interface StaffConfig {
  idleMinutes: number;
  sessionHours: number;
  /** Set the session cookie's Secure flag: whenever the public address is https (TLS ends at a proxy). */
  secureCookies: boolean;
}

export interface RetentionConfig {
  /** Free text, messages and notes of a closed report are deleted this many months after closure. */
  months: number;
  /** Run the job daily inside the server (off when a system timer runs `npm run retention`). */
  daily: boolean;
}

export class ConfigError extends Error {}

/**
 * Reads and validates the environment once, at start. A wrong setting stops the start with a sentence that
 * names the variable, rather than surfacing later as a failing request.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.superRefine(checkNotificationEnv('node')).superRefine(checkTranslationEnv).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'meldestelle.sqlite')}`,
    publicBaseUrl,
    receiptSecret: e.RECEIPT_SECRET ?? loadOrCreateSecret(dataDir, 'receipt-secret'),
    office: loadOffice(e.OFFICE_CONFIG),
    logRequests: e.LOG_REQUESTS === 'true',
    llm: llmSettingsFrom(e),
    encryptionKey: e.ENCRYPTION_KEY ?? loadOrCreateSecret(dataDir, 'encryption-key'),
    staff: {
      idleMinutes: e.STAFF_IDLE_MINUTES,
      sessionHours: e.STAFF_SESSION_HOURS,
      secureCookies: publicBaseUrl.startsWith('https://'),
    },
    retention: { months: e.RETENTION_MONTHS, daily: e.RETENTION_JOB === 'true' },
    stats: { minCount: e.STATS_MIN_COUNT },
    notifications: notificationSettingsFrom(e),
    translation: translationSettingsFrom(e),
  };
}

/** A secret made on first start and kept beside the database, readable by its owner only. */
function loadOrCreateSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

function loadOffice(file: string | undefined): Office {
  const raw: unknown = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : staedteregionAachen;
  const parsed = officeSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid office configuration${file ? ` in ${file}` : ''}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
