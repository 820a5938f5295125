import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const manifest = path.join(root, 'dist', 'web', 'public', '.vite', 'manifest.json');
const SOURCES = ['web', 'shared', 'package-lock.json'];

function newestSource(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestSource(path.join(entry, name)));
  return newest;
}

/**
 * The servers under test link the browser bundle from Vite's manifest, so the API and browser tests build
 * it first when it is missing or older than its sources: a fresh clone needs no separate build step.
 */
export default async function buildWebClientWhenStale(): Promise<void> {
  const builtAt = fs.existsSync(manifest) ? fs.statSync(manifest).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestSource(path.join(root, s))));
  if (builtAt > changedAt) return;
  await build({ configFile: path.join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
}
