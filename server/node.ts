import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import path from 'node:path';
import { openDatabase } from '../db/dialects';
import { migrateToLatest } from '../db/migrate';
import { loadClientAssets, WEB_DIST_DIR } from '../web/assets';
import { createApp } from './app';
import { systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { jsonLogger } from './http/request-log';

/** Node entry: read config, open and migrate the database, build the app, serve. */
async function main() {
  const config = loadConfig(process.env);
  const database = openDatabase(config.databaseUrl);
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`Database migrated: ${applied.join(', ')}`);

  const app = createApp({
    db: database.db,
    clock: systemClock,
    config,
    assets: loadClientAssets(WEB_DIST_DIR),
    log: jsonLogger,
    // The socket address is used only as input to an in-memory keyed hash for throttling; never stored or logged.
    clientKey: (c) => getConnInfo(c).remote.address ?? 'unknown',
    serveAssets: serveStatic({
      root: path.relative(process.cwd(), WEB_DIST_DIR),
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Meldestelle is running: ${config.publicBaseUrl} (listening on ${info.address}:${info.port})`);
  });

  const shutdown = () => {
    server.close(() => void database.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
