import fs from 'node:fs';
import path from 'node:path';

/** The built client's files, as the page links them. */
export interface ClientAssets {
  script: string;
  css: string[];
}

interface ManifestEntry {
  file: string;
  css?: string[];
  isEntry?: boolean;
}

/** Reads Vite's manifest; a missing build stops the start with the command that makes it. */
export function loadClientAssets(distDir: string): ClientAssets {
  const file = path.join(distDir, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) {
    throw new Error(`The web client is not built (${file} is missing). Run: npm run build:web`);
  }
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManifestEntry>;
  const entry = manifest['web/client.tsx'];
  if (!entry) throw new Error('The web client build has no entry web/client.tsx. Run: npm run build:web');
  return { script: `/${entry.file}`, css: (entry.css ?? []).map((c) => `/${c}`) };
}

export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '..', 'dist', 'web');
