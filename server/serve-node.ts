import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { AddressInfo } from 'node:net';
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

export interface RunningServer {
  url: string;
  /** The composed app: tests enumerate its routes. */
  app: App;
  database: OpenedDatabase;
  migrated: string[];
  /** Null when neither mail nor a webhook is set up. */
  notifications: Notifications | null;
  translation: Translation;
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the app and listens: what `npm start` and the tests both run. */
export async function startNodeServer(config: Config, deps: { clock: Clock; log: Logger }): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl);
  const migrated = await migrateToLatest(database);
  const notifications = await startNotifications(config, database, deps);
  const llm = config.llm ? createLlmClient(config.llm) : null;
  const prompts = readPromptFiles();
  const translation = startTranslation(database, deps, translatorFrom(config.translation, { llm, prompts }));
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
    // The socket address is only input to an in-memory keyed hash for throttling: never stored or logged.
    clientKey: (c) => getConnInfo(c).remote.address ?? 'unknown',
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
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
