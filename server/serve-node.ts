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

export interface RunningServer {
  url: string;
  /** The composed app: tests enumerate its routes. */
  app: App;
  database: OpenedDatabase;
  migrated: string[];
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the app and listens: what `npm start` and the tests both run. */
export async function startNodeServer(config: Config, deps: { clock: Clock; log: Logger }): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  const migrated = await migrateToLatest(database);
  const app = createApp({
    db: database.db,
    atomic: database.atomic,
    dialect: database.kind,
    clock: deps.clock,
    config,
    assets: loadClientAssets(),
    log: deps.log,
    llm: config.llm ? createLlmClient(config.llm) : null,
    prompts: readPromptFiles(),
    passwords: nativeArgon2id,
    compress: compress(),
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
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
