import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { usernameSchema } from '../../shared/staff';
import { systemClock } from '../clock';
import { ConfigError } from '../config';
import { loadConfig } from '../node-config';
import { authServiceFor } from './bootstrap';
import { generatedAdminName } from './first-admin';
import { nativeArgon2id } from './native-argon2';

/**
 * `npm run admin:create -- [--username NAME] [--name "Display Name"]`: a new admin with a one-time password,
 * printed here once (without a name, a generated one). For the first start, or when every admin has lost access.
 */
try {
  const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } } });
  const username = usernameSchema.safeParse(values.username ?? generatedAdminName());
  if (!username.success) throw new ConfigError('--username: 2–40 characters: a–z, 0–9, dot, dash, underscore.');
  const config = loadConfig(process.env);
  const database = openDatabase(config.databaseUrl, { poolSize: 1 });
  await migrateToLatest(database);
  const auth = authServiceFor(database.db, systemClock, config, nativeArgon2id);
  const { password } = await auth.createAdmin(username.data, values.name ?? username.data);
  console.log(`Admin "${username.data}" created. One-time password (to be changed at first login):\n\n  ${password}\n`);
  console.log(`Sign in at ${config.publicBaseUrl}/staff/login`);
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
}
