import { z } from 'zod';
import { llmEnvShape, llmSettingsFrom, type LlmSettings } from './assistant/settings';
import { firstAdminEnvShape } from './auth/first-admin';
import { intakeEnvShape, intakeSettingsFrom, type IntakeSettings } from './intake/settings';
// Notifications: their variables, checks and settings live in server/notifications/settings.ts.
import {
  checkNotificationEnv,
  notificationEnvShape,
  notificationSettingsFrom,
  type NotificationSettings,
} from './notifications/settings';
import { evidenceEnvShape, evidenceSettingsFrom, type EvidenceSettings } from './evidence/settings';
import { officeSchema, type Office } from './office/schema';
import staedteregionAachen from './office/staedteregion-aachen.json';
import { statsMinCount } from './stats/settings';
import {
  checkTranslationEnv,
  translationEnvShape,
  translationSettingsFrom,
  type TranslationSettings,
} from './translation/settings';

export type { LlmSettings };

const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (e.g. `openssl rand -hex 32`)');

/**
 * Every setting, for Node and for Workers alike: the same names, defaults and checks. What only one platform
 * can do is decided by the platform (see ConfigPlatform): Node reads an office file and generates missing
 * secrets into DATA_DIR; a Worker has no files, so its secrets and office come as variables.
 */
export const settingsSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  PUBLIC_BASE_URL: z.url({ error: 'must be an absolute URL such as https://meldestelle.example.org' }).optional(),
  RECEIPT_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  ENCRYPTION_KEY: hexKey.optional(),
  /** The office as a JSON file (Node). */
  OFFICE_CONFIG: z.string().min(1).optional(),
  /** The office as JSON text (Node and Workers). */
  OFFICE_CONFIG_JSON: z.string().min(1).optional(),
  LOG_REQUESTS: z.enum(['true', 'false']).default('true'),
  ...llmEnvShape,
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
  // The intake's protection and the first admin's name (server/intake/settings.ts, server/auth/first-admin.ts).
  ...intakeEnvShape,
  ...firstAdminEnvShape,
  ...evidenceEnvShape,
  ...translationEnvShape,
});
export type SettingName = keyof z.input<typeof settingsSchema>;
export type Settings = Partial<Record<SettingName, string>>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** PostgreSQL connections per instance. */
  databasePoolSize: number;
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
  intake: IntakeSettings;
  /** Limits of screenshots, photos and letters; null when the office takes none. */
  evidence: EvidenceSettings | null;
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
  /** The first admin's name on an empty database; without one, a name is generated (never a guessable "admin"). */
  firstAdminName?: string | undefined;
}

export interface RetentionConfig {
  /** Free text, messages and notes of a closed report are deleted this many months after closure. */
  months: number;
  /** Run the job daily inside the server (off when a system timer runs `npm run retention`). */
  daily: boolean;
}

export class ConfigError extends Error {}

/** What a platform can do that the settings cannot say: files, and a place for generated secrets. */
export interface ConfigPlatform {
  name: 'node' | 'worker';
  /** An absolute DATA_DIR. */
  resolveDir(dir: string): string;
  /** The office file of OFFICE_CONFIG; undefined where there are no files (Workers). */
  readFile?(file: string): string;
  /** A secret made on first start and kept (Node: in DATA_DIR); undefined where it must be given. */
  generatedSecret?(dataDir: string, name: 'receipt-secret' | 'encryption-key'): string;
}

/**
 * Reads and validates the settings once, at start. A wrong setting stops the start with a sentence that
 * names the variable, rather than surfacing later as a failing request.
 */
export function buildConfig(env: Settings | Record<string, unknown>, platform: ConfigPlatform): Config {
  const parsed = settingsSchema
    .superRefine(checkNotificationEnv(platform.name))
    .superRefine(checkTranslationEnv)
    .safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = platform.resolveDir(e.DATA_DIR);
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? fallbackBaseUrl(e.PORT, platform)).replace(/\/$/, '');
  const secret = (given: string | undefined, name: 'receipt-secret' | 'encryption-key', variable: SettingName) => {
    if (given) return given;
    if (platform.generatedSecret) return platform.generatedSecret(dataDir, name);
    throw new ConfigError(`Invalid configuration:\n  ${variable}: required (wrangler secret put ${variable})`);
  };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${dataDir}/meldestelle.sqlite`,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicBaseUrl,
    receiptSecret: secret(e.RECEIPT_SECRET, 'receipt-secret', 'RECEIPT_SECRET'),
    office: officeFrom(e, platform),
    logRequests: e.LOG_REQUESTS === 'true',
    llm: llmSettingsFrom(e),
    encryptionKey: secret(e.ENCRYPTION_KEY, 'encryption-key', 'ENCRYPTION_KEY'),
    staff: {
      idleMinutes: e.STAFF_IDLE_MINUTES,
      sessionHours: e.STAFF_SESSION_HOURS,
      secureCookies: publicBaseUrl.startsWith('https://'),
      firstAdminName: e.FIRST_ADMIN_NAME,
    },
    retention: { months: e.RETENTION_MONTHS, daily: e.RETENTION_JOB === 'true' },
    stats: { minCount: e.STATS_MIN_COUNT },
    notifications: notificationSettingsFrom(e),
    intake: intakeSettingsFrom(e),
    evidence: evidenceSettingsFrom(e),
    translation: translationSettingsFrom(e),
  };
}

function fallbackBaseUrl(port: number, platform: ConfigPlatform): string {
  // A Worker does not know the address people use: without it, links and the API document would be wrong.
  if (platform.name === 'worker') throw new ConfigError('Invalid configuration:\n  PUBLIC_BASE_URL: required');
  return `http://localhost:${port}`;
}

/** The office: the JSON of OFFICE_CONFIG_JSON, or the file of OFFICE_CONFIG (Node), or the StädteRegion Aachen. */
function officeFrom(e: z.infer<typeof settingsSchema>, platform: ConfigPlatform): Office {
  if (e.OFFICE_CONFIG && e.OFFICE_CONFIG_JSON)
    throw new ConfigError('Invalid configuration:\n  OFFICE_CONFIG and OFFICE_CONFIG_JSON: set one of them, not both');
  let raw: unknown = staedteregionAachen;
  let source = 'the built-in office';
  if (e.OFFICE_CONFIG) {
    if (!platform.readFile)
      throw new ConfigError(
        'Invalid configuration:\n  OFFICE_CONFIG: a file cannot be read here; give the office as JSON in OFFICE_CONFIG_JSON',
      );
    source = e.OFFICE_CONFIG;
    raw = parseJson(platform.readFile(e.OFFICE_CONFIG), `OFFICE_CONFIG (${e.OFFICE_CONFIG})`);
  } else if (e.OFFICE_CONFIG_JSON) {
    source = 'OFFICE_CONFIG_JSON';
    raw = parseJson(e.OFFICE_CONFIG_JSON, 'OFFICE_CONFIG_JSON');
  }
  const parsed = officeSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid office configuration in ${source}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${what}: not JSON (${(error as Error).message})`);
  }
}
