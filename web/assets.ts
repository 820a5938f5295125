/** The built client's files, as the page links them. */
export interface ClientAssets {
  script: string;
  css: string[];
}

export interface ViteManifest {
  [source: string]: { file: string; css?: string[] };
}

/** What a page links, from Vite's manifest; the same on Node (read from disk) and Workers (bundled). */
export function clientAssetsFromManifest(manifest: ViteManifest): ClientAssets {
  const entry = manifest['web/client.tsx'];
  if (!entry) throw new Error('The web client build has no entry web/client.tsx. Run: npm run build:web');
  return { script: `/${entry.file}`, css: (entry.css ?? []).map((c) => `/${c}`) };
}
