import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/dialects';
import { migrateToLatest } from '../db/migrate';
import { createApp, type App } from './app';
import { createLlmClient } from './assistant/llm';
import { nativeArgon2id } from './auth/native-argon2';
import { loadClientAssets, WEB_PUBLIC_DIR } from './client-build';
import { readPromptFiles } from './prompt-files';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Logger } from './http/request-log';
import { startNotificationLoop, type NotificationLoop } from './notifications/loop';
import { createNotifications, type Notifications } from './notifications/service';
import { fetchTransports } from './notifications/transports/fetch';
import { isDemoFolder } from './demo/folder';
import { startPassLoop, type PassLoop } from './jobs/pass-loop';
import { translatorFrom } from './translation/backends';
import { createTranslation, type Translation } from './translation/service';
import { clientAddressOf } from './intake/client-address';
import { evidenceHousekeepingFor, type EvidenceHousekeeping } from './evidence/housekeeping';
import { createSharpSanitiser } from './evidence/sharp-sanitiser';
import { nodeEvidenceStore } from './evidence/stores/node-store';

export interface RunningServer {
  url: string;
  /** The composed app: tests enumerate its routes. */
  app: App;
  database: OpenedDatabase;
  migrated: string[];
  /** Null when neither mail nor a webhook is set up. */
  notifications: Notifications | null;
  translation: Translation;
  /** Deletes evidence bytes after their rows: for the retention job. */
  evidence: EvidenceHousekeeping;
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the app and listens: what `npm start` and the tests both run. */
export async function startNodeServer(config: Config, deps: { clock: Clock; log: Logger }): Promise<RunningServer> {
  keepDataDirPrivate(config.dataDir);
  const database = openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  const migrated = await migrateToLatest(database);
  const notifications = await startNotifications(config, database, deps);
  const llm = config.llm ? createLlmClient(config.llm) : null;
  const prompts = readPromptFiles();
  const translation = startTranslation(database, deps, translatorFrom(config.translation, { llm, prompts }));
  const evidenceStore = nodeEvidenceStore(database, config.dataDir);
  const sanitiser = createSharpSanitiser({ maxPdfPages: config.evidence?.maxPdfPages ?? 20 });
  const app = createApp({
    db: database.db,
    atomic: database.atomic,
    dialect: database.kind,
    clock: deps.clock,
    config,
    assets: loadClientAssets(),
    log: deps.log,
    llm,
    prompts,
    translation: translation.service,
    passwords: nativeArgon2id,
    compress: compress(),
    notifications: notifications?.service ?? null,
    demo: isDemoFolder(config.dataDir),
    evidence: { store: evidenceStore, sanitiser },
    // Only input to in-memory keyed hashes for per-client limits: never stored or logged. Behind a trusted
    // proxy, the first untrusted X-Forwarded-For hop (see server/intake/client-address.ts).
    clientKey: (c) =>
      clientAddressOf(
        getConnInfo(c).remote.address ?? 'unknown',
        c.req.header('x-forwarded-for'),
        config.intake.trustedProxies,
      ),
    serveAssets: serveStatic({
      root: path.relative(process.cwd(), WEB_PUBLIC_DIR),
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    app,
    database,
    migrated,
    notifications: notifications?.service ?? null,
    translation: translation.service,
    evidence: evidenceHousekeepingFor(database.db, evidenceStore, deps.clock, config.encryptionKey),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sanitiser.close();
      await notifications?.loop.stop();
      await translation.loop?.stop();
      notifications?.service.close();
      await database.close();
    },
  };
}

/** How often the Node server looks for notices to (re)send, besides at once whenever one is queued. */
const NOTIFICATION_PASS_MS = 30_000;

/** The notifications with SMTP or the mail API, and the loop that delivers them (see server/notifications/). */
async function startNotifications(
  config: Config,
  database: OpenedDatabase,
  deps: { clock: Clock; log: Logger },
): Promise<{ service: Notifications; loop: NotificationLoop } | null> {
  const settings = config.notifications;
  if (!settings) return null;
  const transports = fetchTransports(settings);
  // nodemailer is loaded only where SMTP is set up: a start without it stays as quick as before.
  if (settings.mail?.kind === 'smtp')
    transports.mail = (await import('./notifications/transports/smtp')).smtpTransport(settings.mail, settings.from);
  let loop: NotificationLoop | undefined;
  const service = createNotifications({
    db: database.db,
    atomic: database.atomic,
    clock: deps.clock,
    settings,
    transports,
    publicBaseUrl: config.publicBaseUrl,
    encryptionKey: config.encryptionKey,
    log: deps.log,
    onQueued: () => loop?.wake(),
  });
  loop = startNotificationLoop(() => service, { intervalMs: NOTIFICATION_PASS_MS, log: deps.log });
  loop.wake();
  return { service, loop };
}

/** How often the Node server looks for translations to (re)try, besides at once whenever one is queued. */
const TRANSLATION_PASS_MS = 30_000;

/** Translations of reports and messages, worked off by a loop beside the server (see server/translation/). */
function startTranslation(
  database: OpenedDatabase,
  deps: { clock: Clock; log: Logger },
  translator: ReturnType<typeof translatorFrom>,
): { service: Translation; loop: PassLoop | null } {
  let loop: PassLoop | null = null;
  const service = createTranslation({
    db: database.db,
    atomic: database.atomic,
    translator,
    clock: deps.clock,
    log: deps.log,
    onQueued: () => loop?.wake(),
  });
  if (translator) {
    loop = startPassLoop(() => service.runOnce(), {
      intervalMs: TRANSLATION_PASS_MS,
      log: deps.log,
      job: 'translation',
    });
    // Whatever waited while the server was down is tried at once.
    loop.wake();
  }
  return { service, loop };
}

/**
 * The data folder holds the database and the secrets: the server's user only (0700). One that an earlier
 * version made readable for others (0755) is narrowed, when it is ours (it holds one of our files).
 */
function keepDataDirPrivate(dataDir: string) {
  if (!fs.existsSync(dataDir)) return;
  const ours = ['meldestelle.sqlite', 'receipt-secret', 'encryption-key'].some((f) =>
    fs.existsSync(path.join(dataDir, f)),
  );
  if (ours && fs.statSync(dataDir).mode & 0o077) fs.chmodSync(dataDir, 0o700);
}
