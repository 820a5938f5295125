import { ensureFirstAdmin } from './auth/bootstrap';
import { nativeArgon2id } from './auth/native-argon2';
import { systemClock } from './clock';
import { ConfigError } from './config';
import { loadConfig } from './node-config';
import { jsonLogger } from './http/request-log';
import { runRetention } from './retention/job';
import { startNodeServer } from './serve-node';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Node entry: read the environment, start, and stop cleanly on a signal. */
async function main() {
  const config = loadConfig(process.env);
  const server = await startNodeServer(config, { clock: systemClock, log: jsonLogger });
  if (server.migrated.length) console.log(`Database migrated: ${server.migrated.join(', ')}`);
  const firstAdmin = await ensureFirstAdmin(server.database.db, systemClock, config, nativeArgon2id);
  if (firstAdmin) {
    // The console only: the request log never sees it, and the database holds only its hash.
    console.log(
      `\nFirst start: created the admin account "${firstAdmin.username}".\n` +
        `One-time password (change it at first login): ${firstAdmin.password}\n` +
        `Sign in at ${config.publicBaseUrl}/staff/login\n`,
    );
  }
  const retention = config.retention.daily ? startDailyRetention(server.database, config, server.evidence) : undefined;
  console.log(`Meldestelle is running at ${config.publicBaseUrl} (listening on ${server.url})`);
  const stop = () => {
    if (retention) clearInterval(retention);
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Once at start, then every 24 hours; a failed run is logged and tried again the next day. */
function startDailyRetention(
  database: {
    db: Parameters<typeof runRetention>[0]['db'];
    atomic: Parameters<typeof runRetention>[0]['atomic'];
    kind: Parameters<typeof runRetention>[0]['dialect'];
  },
  config: Parameters<typeof runRetention>[0]['config'],
  evidence: Parameters<typeof runRetention>[0]['evidence'],
) {
  const run = () =>
    runRetention({
      db: database.db,
      atomic: database.atomic,
      dialect: database.kind,
      clock: systemClock,
      config,
      evidence,
    }).then(
      (result) => jsonLogger({ job: 'retention', ...result }),
      (error: unknown) => jsonLogger({ job: 'retention', level: 'error', error: String(error).slice(0, 200) }),
    );
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return timer;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
