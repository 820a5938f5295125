import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { systemClock } from '../clock';
import { ConfigError } from '../config';
import { loadConfig } from '../node-config';
import { evidenceHousekeepingFor } from '../evidence/housekeeping';
import { nodeEvidenceStore } from '../evidence/stores/node-store';
import { runRetention } from './job';

/** `npm run retention`: the retention job once, e.g. from a system timer when RETENTION_JOB=false. */
try {
  const config = loadConfig(process.env);
  const database = openDatabase(config.databaseUrl, { poolSize: 1 });
  await migrateToLatest(database);
  const result = await runRetention({
    db: database.db,
    atomic: database.atomic,
    dialect: database.kind,
    clock: systemClock,
    config,
    evidence: evidenceHousekeepingFor(
      database.db,
      nodeEvidenceStore(database, config.dataDir),
      systemClock,
      config.encryptionKey,
    ),
  });
  console.log(
    `Retention (${config.retention.months} months): ${result.contactsDeleted} contact details, ${result.textsDeleted} report texts and ${result.filesDeleted} evidence files deleted.`,
  );
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
