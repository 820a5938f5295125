import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Builds only the browser part; the server renders pages itself and links the files from the manifest. */
export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: path.join(root, 'dist', 'web'),
    emptyOutDir: true,
    manifest: true,
    assetsDir: 'assets',
    target: 'es2020',
    rollupOptions: { input: path.join(root, 'web', 'client.tsx') },
  },
});
