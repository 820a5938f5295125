import { Hono } from 'hono';
import { z } from 'zod';
import { d1BatchWriter, D1Dialect, type D1Binding } from '../db/d1';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import { Kysely } from 'kysely';
import { clientAssetsFromManifest, type ViteManifest } from '../web/assets';
import manifest from '../dist/web/public/.vite/manifest.json';
import interviewPrompt from '../prompts/interview.md';
import extractPrompt from '../prompts/extract.md';
import translatePrompt from '../prompts/translate.md';
import { createApp } from './app';
import { createLlmClient } from './assistant/llm';
import { promptStoreFrom } from './assistant/prompts';
import { llmEnvShape, llmSettingsFrom } from './assistant/settings';
import { systemClock } from './clock';
import { statsMinCount } from './stats/settings';
import { jsonLogger } from './http/request-log';
import { officeSchema } from './office/schema';
import staedteregionAachen from './office/staedteregion-aachen.json';

/**
 * Cloudflare Workers entry: the same createApp over D1. Static files are served by Workers' assets before
 * this code runs. Settings come from the Worker's variables and secrets (see wrangler.toml).
 */
interface Env {
  DB: D1Binding;
  RECEIPT_SECRET: string;
  ENCRYPTION_KEY: string;
  PUBLIC_BASE_URL: string;
  OFFICE_CONFIG_JSON?: string;
  LOG_REQUESTS?: string;
  [llmSetting: `LLM_${string}`]: string | undefined;
}

const envSchema = z.object({
  ...llmEnvShape,
  RECEIPT_SECRET: z.string().min(32, 'must be at least 32 characters (wrangler secret put RECEIPT_SECRET)'),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (wrangler secret put ENCRYPTION_KEY)'),
  STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(168).default(10),
  PUBLIC_BASE_URL: z.url(),
  OFFICE_CONFIG_JSON: z.string().optional(),
  LOG_REQUESTS: z.enum(['true', 'false']).default('true'),
  STATS_MIN_COUNT: statsMinCount,
});

let app: Hono | undefined;
let ready: Promise<void> | undefined;

/** One app per isolate, migrated on its first request (Workers have no start-up hook). */
function appFor(env: Env): { app: Hono; ready: Promise<void> } {
  if (!app) {
    const parsed = envSchema.safeParse(env);
    if (!parsed.success) {
      throw new Error(
        `Invalid Worker settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const settings = parsed.data;
    const office = officeSchema.parse(
      settings.OFFICE_CONFIG_JSON ? JSON.parse(settings.OFFICE_CONFIG_JSON) : staedteregionAachen,
    );
    const db = new Kysely<Database>({ dialect: new D1Dialect(env.DB) });
    ready = migrateToLatest({ db, kind: 'd1' }).then(() => undefined);
    const llm = llmSettingsFrom(settings);
    app = createApp({
      db,
      atomic: d1BatchWriter(env.DB),
      dialect: 'd1',
      clock: systemClock,
      config: {
        office,
        receiptSecret: settings.RECEIPT_SECRET,
        encryptionKey: settings.ENCRYPTION_KEY,
        staff: {
          idleMinutes: settings.STAFF_IDLE_MINUTES,
          sessionHours: settings.STAFF_SESSION_HOURS,
          secureCookies: settings.PUBLIC_BASE_URL.startsWith('https://'),
        },
        publicBaseUrl: settings.PUBLIC_BASE_URL.replace(/\/$/, ''),
        logRequests: settings.LOG_REQUESTS === 'true',
        stats: { minCount: settings.STATS_MIN_COUNT },
      },
      assets: clientAssetsFromManifest(manifest as ViteManifest),
      log: jsonLogger,
      llm: llm ? createLlmClient(llm) : null,
      // Bundled as text by wrangler (see [[rules]] in wrangler.toml): Workers have no file system to read.
      prompts: promptStoreFrom({ interview: interviewPrompt, extract: extractPrompt, translate: translatePrompt }),
      // Cloudflare's client address header is only input to an in-memory keyed hash for throttling; never stored or logged.
      clientKey: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    }) as unknown as Hono;
  }
  return { app, ready: ready! };
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    const { app, ready } = appFor(env);
    await ready;
    return app.fetch(request, env, ctx as never);
  },
};
