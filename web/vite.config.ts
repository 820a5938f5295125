import path from 'node:path';
import fs from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Builds only the browser part; the server renders pages itself and links the files from the manifest. */
/** Workers serve every file of the folder; the manifest is for the server only. */
const keepManifestPrivate: Plugin = {
  name: 'keep-manifest-private',
  writeBundle(options) {
    fs.writeFileSync(path.join(options.dir!, '.assetsignore'), '.vite\n.assetsignore\n');
  },
};

export default defineConfig({
  root,
  plugins: [keepManifestPrivate],
  publicDir: false,
  build: {
    // public/ is served as is (by Node under /assets/, by Workers as static assets).
    outDir: path.join(root, 'dist', 'web', 'public'),
    emptyOutDir: true,
    manifest: true,
    assetsDir: 'assets',
    target: 'es2020',
    rollupOptions: { input: path.join(root, 'web', 'client.tsx') },
  },
});
