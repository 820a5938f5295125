import { systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { jsonLogger } from './http/request-log';
import { startNodeServer } from './serve-node';

/** Node entry: read the environment, start, and stop cleanly on a signal. */
async function main() {
  const config = loadConfig(process.env);
  const server = await startNodeServer(config, { clock: systemClock, log: jsonLogger });
  if (server.migrated.length) console.log(`Database migrated: ${server.migrated.join(', ')}`);
  console.log(`Meldestelle is running at ${config.publicBaseUrl} (listening on ${server.url})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
