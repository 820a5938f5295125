import { Kysely } from 'kysely';
import { z } from 'zod';
import { d1BatchWriter, D1Dialect, type D1Binding } from '../db/d1';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import manifest from '../dist/web/public/.vite/manifest.json';
import extractPrompt from '../prompts/extract.md';
import interviewPrompt from '../prompts/interview.md';
import translatePrompt from '../prompts/translate.md';
import { clientAssetsFromManifest, type ViteManifest } from '../web/assets';
import { createApp, type App } from './app';
import { createLlmClient } from './assistant/llm';
import { promptStoreFrom } from './assistant/prompts';
import { llmEnvShape, llmSettingsFrom } from './assistant/settings';
import { ensureFirstAdmin } from './auth/bootstrap';
import { portableArgon2id } from './auth/passwords';
import { systemClock } from './clock';
import type { Config } from './config';
import { statsMinCount } from './stats/settings';
import { jsonLogger } from './http/request-log';
import { officeSchema } from './office/schema';
import staedteregionAachen from './office/staedteregion-aachen.json';
import { runRetention } from './retention/job';
import { checkNotificationEnv, notificationEnvShape, notificationSettingsFrom } from './notifications/settings';
import { createNotifications, type Notifications } from './notifications/service';
import { fetchTransports } from './notifications/transports/fetch';
import { translatorFrom } from './translation/backends';
import { createTranslation, type Translation } from './translation/service';
import { checkTranslationEnv, translationEnvShape, translationSettingsFrom } from './translation/settings';

/**
 * Cloudflare Workers entry: the same createApp over D1. Static files are served by Workers' assets before
 * this code runs. Settings come from the Worker's variables and secrets (see wrangler.toml). What Node does
 * on a timer (the daily retention job) runs here on a cron trigger.
 */
interface Env {
  DB: D1Binding;
  [setting: string]: unknown;
}

const envSchema = z.object({
  ...llmEnvShape,
  RECEIPT_SECRET: z.string().min(32, 'must be at least 32 characters (wrangler secret put RECEIPT_SECRET)'),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (wrangler secret put ENCRYPTION_KEY)'),
  STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(168).default(10),
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  PUBLIC_BASE_URL: z.url(),
  OFFICE_CONFIG_JSON: z.string().optional(),
  LOG_REQUESTS: z.enum(['true', 'false']).default('true'),
  STATS_MIN_COUNT: statsMinCount,
  ...notificationEnvShape,
  ...translationEnvShape,
});

interface Runtime {
  app: App;
  db: Kysely<Database>;
  atomic: ReturnType<typeof d1BatchWriter>;
  config: Pick<Config, 'retention' | 'staff'>;
  notifications: Notifications | null;
  translation: Translation;
  ready: Promise<unknown>;
}

let runtime: Runtime | undefined;

/** The daily one of the cron triggers in wrangler.toml; the other, every minute, delivers notices. */
const RETENTION_CRON = '17 3 * * *';

/** One runtime per isolate, migrated on its first use (Workers have no start-up hook). */
function runtimeFor(env: Env): Runtime {
  if (runtime) return runtime;
  const parsed = envSchema.superRefine(checkNotificationEnv('worker')).superRefine(checkTranslationEnv).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Worker settings: ${problems}`);
  }
  const settings = parsed.data;
  const office = officeSchema.parse(
    settings.OFFICE_CONFIG_JSON ? JSON.parse(settings.OFFICE_CONFIG_JSON) : staedteregionAachen,
  );
  const db = new Kysely<Database>({ dialect: new D1Dialect(env.DB) });
  const atomic = d1BatchWriter(env.DB);
  const config = {
    office,
    receiptSecret: settings.RECEIPT_SECRET,
    encryptionKey: settings.ENCRYPTION_KEY,
    staff: {
      idleMinutes: settings.STAFF_IDLE_MINUTES,
      sessionHours: settings.STAFF_SESSION_HOURS,
      secureCookies: settings.PUBLIC_BASE_URL.startsWith('https://'),
    },
    retention: { months: settings.RETENTION_MONTHS, daily: true },
    stats: { minCount: settings.STATS_MIN_COUNT },
    publicBaseUrl: settings.PUBLIC_BASE_URL.replace(/\/$/, ''),
    logRequests: settings.LOG_REQUESTS === 'true',
  };
  const llm = llmSettingsFrom(settings);
  const noticeSettings = notificationSettingsFrom(settings);
  // Queued by the services, delivered by the cron trigger (every minute, see scheduled()).
  const notifications = noticeSettings
    ? createNotifications({
        db,
        atomic,
        clock: systemClock,
        settings: noticeSettings,
        transports: fetchTransports(noticeSettings),
        publicBaseUrl: config.publicBaseUrl,
        log: jsonLogger,
      })
    : null;
  const llmClient = llm ? createLlmClient(llm) : null;
  // Bundled as text by wrangler (see [[rules]] in wrangler.toml): Workers have no file system to read.
  const prompts = promptStoreFrom({ interview: interviewPrompt, extract: extractPrompt, translate: translatePrompt });
  // Queued by the services, worked off by the cron trigger (every minute, see scheduled()).
  const translation = createTranslation({
    db,
    atomic,
    translator: translatorFrom(translationSettingsFrom(settings), { llm: llmClient, prompts }),
    clock: systemClock,
    log: jsonLogger,
  });
  const app = createApp({
    db,
    atomic,
    dialect: 'd1',
    clock: systemClock,
    config,
    assets: clientAssetsFromManifest(manifest as ViteManifest),
    log: jsonLogger,
    llm: llmClient,
    prompts,
    translation,
    // Native code cannot run on Workers: the same argon2id in JavaScript (it needs the paid plan's CPU time).
    passwords: portableArgon2id,
    // Cloudflare's client address header is only input to an in-memory keyed hash for throttling.
    clientKey: (c) => c.req.header('cf-connecting-ip') ?? 'unknown', // never stored or logged
    notifications,
  });
  const ready = migrateToLatest({ db, kind: 'd1' }).then(async () => {
    // Workers have no console at start: the first admin's one-time password goes to the Worker's log,
    // which only the account that deployed it can read (`wrangler tail`).
    const first = await ensureFirstAdmin(db, systemClock, config, portableArgon2id);
    if (first)
      console.log(
        `First admin: user "${first.username}", one-time password ${first.password}, at ${config.publicBaseUrl}/staff/login`,
      );
  });
  runtime = { app, db, atomic, config, notifications, translation, ready };
  return runtime;
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    const { app, ready } = runtimeFor(env);
    await ready;
    return app.fetch(request, env, ctx as never);
  },

  /** The cron triggers of wrangler.toml: notices and translations every minute, the retention job daily. */
  async scheduled(event: { cron: string }, env: Env): Promise<void> {
    const { db, atomic, config, notifications, translation, ready } = runtimeFor(env);
    await ready;
    await translation
      .runOnce()
      .catch((error: unknown) =>
        jsonLogger({ job: 'translation', level: 'error', error: String(error).slice(0, 200) }),
      );
    await notifications
      ?.runOnce()
      .catch((error: unknown) =>
        jsonLogger({ job: 'notifications', level: 'error', error: String(error).slice(0, 200) }),
      );
    if (event.cron !== RETENTION_CRON) return;
    const result = await runRetention({ db, atomic, dialect: 'd1', clock: systemClock, config });
    jsonLogger({ job: 'retention', ...result });
  },
};
