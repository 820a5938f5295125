import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildConfig, type Config, type ConfigPlatform } from './config';

/** Node: DATA_DIR on disk, an office file may be read, and missing secrets are made and kept beside the data. */
const nodePlatform: ConfigPlatform = {
  name: 'node',
  resolveDir: (dir) => path.resolve(dir),
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  generatedSecret: loadOrCreateSecret,
};

/** The configuration of `npm start`, the command-line tools and the tests, from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string>): Config {
  return buildConfig(env, nodePlatform);
}

/** A secret made on first start and kept beside the database, readable by its owner only. */
function loadOrCreateSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
