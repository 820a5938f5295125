import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { nativeArgon2id } from '../auth/native-argon2';
import { systemClock } from '../clock';
import { ConfigError, type Config } from '../config';
import { loadConfig } from '../node-config';
import { startNodeServer } from '../serve-node';
import { DemoFolderError, prepareDemoFolder } from './folder';
import { generateDemoYear, type DemoYear } from './year';

/**
 * `npm run demo [-- --fresh]`: the portal over a generated year of invented reports, in a folder of its own
 * (DEMO_DATA_DIR, default ./demo-data), so that an office can try every page, statistics and the annual
 * report included. It never touches the real data: it takes no DATA_DIR, DATABASE_URL, secrets or mail
 * settings from the environment, refuses the real data folder, and uses no folder that it did not make.
 */
const ACCOUNTS_FILE = 'demo-accounts.json';

async function main() {
  const started = performance.now();
  const folder = path.resolve(process.env.DEMO_DATA_DIR ?? './demo-data');
  prepareDemoFolder(folder, {
    fresh: process.argv.includes('--fresh'),
    realDataDir: process.env.DATA_DIR ?? './data',
  });

  // Only what says where to listen and which model to ask: nothing that could point at real data or send mail.
  const passed = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => /^(PORT|HOST|PUBLIC_BASE_URL|OFFICE_CONFIG|LLM_\w+)$/.test(key)),
  );
  const base = loadConfig({ PORT: '3100', LLM_ENABLED: 'false', LOG_REQUESTS: 'false', ...passed, DATA_DIR: folder });
  const config: Config = { ...base, office: demoOffice(base.office), notifications: null };

  const accountsFile = path.join(folder, ACCOUNTS_FILE);
  let year: DemoYear;
  if (fs.existsSync(accountsFile)) {
    year = JSON.parse(fs.readFileSync(accountsFile, 'utf8')) as DemoYear;
  } else {
    console.log('Making a demo year of invented reports (once; later starts reuse it) …');
    const database = openDatabase(config.databaseUrl);
    await migrateToLatest(database);
    year = await generateDemoYear({
      db: database.db,
      atomic: database.atomic,
      dialect: database.kind,
      config,
      passwords: nativeArgon2id,
      until: new Date(),
    });
    await database.close();
    fs.writeFileSync(accountsFile, `${JSON.stringify(year, null, 2)}\n`, { mode: 0o600 });
  }

  const server = await startNodeServer(config, { clock: systemClock, log: () => undefined });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      '',
      `DEMO – ${year.reports} invented reports over the last year, in ${folder}. Nothing here is real.`,
      `Ready in ${seconds} s at ${config.publicBaseUrl}  (listening on ${server.url})`,
      '',
      `Back office: ${config.publicBaseUrl}/staff/login`,
      ...year.accounts.map((a) => `  ${a.role.padEnd(10)} ${a.username.padEnd(12)} password: ${a.password}`),
      '',
      `A reporter's view: ${config.publicBaseUrl}/de/receipt with one of these codes:`,
      ...year.receipts.map((r) => `  ${r}`),
      '',
      `Statistics: ${config.publicBaseUrl}/staff/statistics, the printable report at /staff/statistics/report, the public page at /de/statistics.`,
      'Stop with Ctrl+C. `npm run demo -- --fresh` makes a new year.',
    ].join('\n'),
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The office's name says "Demo" too: it heads the back office, the statistics and the printable report. */
function demoOffice(office: Config['office']): Config['office'] {
  const name = Object.fromEntries(Object.entries(office.name).map(([locale, text]) => [locale, `Demo – ${text}`]));
  return { ...office, name: name as Config['office']['name'] };
}

main().catch((error: unknown) => {
  console.error(error instanceof DemoFolderError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
