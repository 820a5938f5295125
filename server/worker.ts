import type { ExecutionContext } from 'hono';
import { Kysely } from 'kysely';
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
import { ensureFirstAdmin } from './auth/bootstrap';
import { portableArgon2id } from './auth/passwords';
import { systemClock } from './clock';
import { buildConfig, type Config, type ConfigPlatform, type Settings } from './config';
import { jsonLogger } from './http/request-log';
import { runRetention } from './retention/job';
import { createNotifications, type Notifications } from './notifications/service';
import { fetchTransports } from './notifications/transports/fetch';
import { translatorFrom } from './translation/backends';
import { createTranslation, type Translation } from './translation/service';
import { evidenceHousekeepingFor } from './evidence/housekeeping';
import { createPortableSanitiser } from './evidence/portable-sanitiser';
import { createR2Store, type R2Binding } from './evidence/stores/r2-store';

/**
 * The Worker's bindings (wrangler.toml): the D1 database, evidence files in R2 (sealed; without the binding
 * the portal takes no files), and the settings as variables and secrets.
 */
export type Bindings = { DB: D1Binding; EVIDENCE?: R2Binding } & Settings;

/** Workers have no files: the office comes as OFFICE_CONFIG_JSON, the secrets as secrets. */
const workerPlatform: ConfigPlatform = { name: 'worker', resolveDir: (dir) => dir };

interface Runtime {
  app: App;
  db: Kysely<Database>;
  atomic: ReturnType<typeof d1BatchWriter>;
  config: Config;
  notifications: Notifications | null;
  translation: Translation;
  evidence: ReturnType<typeof evidenceHousekeepingFor> | undefined;
  ready: Promise<unknown>;
}

let runtime: Runtime | undefined;

/** The daily one of the cron triggers in wrangler.toml; the other, every minute, delivers notices. */
const RETENTION_CRON = '17 3 * * *';

/**
 * Cloudflare Workers entry: the same createApp over D1, with the same settings as Node (server/config.ts).
 * Static files are served by Workers' assets before this code runs. What Node does on timers (notices, the
 * daily retention job) runs here on cron triggers. One runtime per isolate, migrated on its first use
 * (Workers have no start-up hook).
 */
function runtimeFor(env: Bindings): Runtime {
  if (runtime) return runtime;
  const settings = buildConfig(env, workerPlatform);
  // Without an R2 bucket there is nowhere to keep files: the forms then show no file field.
  const config = { ...settings, evidence: env.EVIDENCE ? settings.evidence : null };
  const db = new Kysely<Database>({ dialect: new D1Dialect(env.DB) });
  const atomic = d1BatchWriter(env.DB);
  const evidenceStore = env.EVIDENCE ? createR2Store(env.EVIDENCE) : null;
  // Queued by the services, delivered by the cron trigger (every minute, see scheduled()).
  const notifications = config.notifications
    ? createNotifications({
        db,
        atomic,
        clock: systemClock,
        settings: config.notifications,
        transports: fetchTransports(config.notifications),
        publicBaseUrl: config.publicBaseUrl,
        encryptionKey: config.encryptionKey,
        log: jsonLogger,
      })
    : null;
  const llmClient = config.llm ? createLlmClient(config.llm) : null;
  // Bundled as text by wrangler (see [[rules]] in wrangler.toml): Workers have no file system to read.
  const prompts = promptStoreFrom({ interview: interviewPrompt, extract: extractPrompt, translate: translatePrompt });
  // Queued by the services, worked off by the cron trigger (every minute, see scheduled()).
  const translation = createTranslation({
    db,
    atomic,
    translator: translatorFrom(config.translation, { llm: llmClient, prompts }),
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
    // Native image code cannot run here: JPEG and PNG are cleaned in JavaScript, WebP and PDF refused.
    evidence: evidenceStore ? { store: evidenceStore, sanitiser: createPortableSanitiser() } : null,
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
  const evidence = evidenceStore
    ? evidenceHousekeepingFor(db, evidenceStore, systemClock, config.encryptionKey)
    : undefined;
  runtime = { app, db, atomic, config, notifications, translation, evidence, ready };
  return runtime;
}

export default {
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
    const { app, ready } = runtimeFor(env);
    await ready;
    return app.fetch(request, env, ctx);
  },

  /** The cron triggers of wrangler.toml: notices and translations every minute, the retention job daily. */
  async scheduled(event: { cron: string }, env: Bindings): Promise<void> {
    const { db, atomic, config, notifications, translation, evidence, ready } = runtimeFor(env);
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
    if (event.cron !== RETENTION_CRON || !config.retention.daily) return;
    const result = await runRetention({ db, atomic, dialect: 'd1', clock: systemClock, config, evidence });
    jsonLogger({ job: 'retention', ...result });
  },
};
