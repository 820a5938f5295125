import fs from 'node:fs';
import path from 'node:path';
import { clientAssetsFromManifest, type ClientAssets } from '../web/assets';

/** Where `npm run build:web` puts the browser files, with Vite's manifest that names them. */
export const WEB_PUBLIC_DIR = path.resolve(import.meta.dirname, '..', 'dist', 'web', 'public');

/** Reads the build's manifest; a missing build stops the start with the command that makes it. */
export function loadClientAssets(publicDir = WEB_PUBLIC_DIR): ClientAssets {
  const file = path.join(publicDir, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`The web client is not built (${file} is missing). Run: npm run build:web`);
  return clientAssetsFromManifest(JSON.parse(fs.readFileSync(file, 'utf8')));
}
