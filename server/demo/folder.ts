import fs from 'node:fs';
import path from 'node:path';

/** The file that makes a folder a demo folder: `npm run demo` writes it, and uses no folder without it. */
export const DEMO_MARKER = 'DEMO-NOTHING-HERE-IS-REAL';

/** A portal started on a demo folder (by `npm run demo` or by hand) says so on every public page. */
export function isDemoFolder(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, DEMO_MARKER));
}

export class DemoFolderError extends Error {}

/**
 * A folder the demo made (it holds the marker) or a new or empty one, which becomes a demo folder; anything
 * else is refused, never emptied. `fresh` empties a demo folder for a new year.
 */
export function prepareDemoFolder(folder: string, { fresh, realDataDir }: { fresh: boolean; realDataDir: string }) {
  if (path.resolve(folder) === path.resolve(realDataDir))
    throw new DemoFolderError(
      `${folder} is the portal's data folder: the demo needs a folder of its own (DEMO_DATA_DIR)`,
    );
  if (fs.existsSync(folder)) {
    const entries = fs.readdirSync(folder);
    if (entries.length && !isDemoFolder(folder))
      throw new DemoFolderError(
        `${folder} is not a demo folder (no ${DEMO_MARKER} in it): choose another DEMO_DATA_DIR`,
      );
    if (fresh && entries.length) fs.rmSync(folder, { recursive: true });
  }
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!isDemoFolder(folder))
    fs.writeFileSync(
      path.join(folder, DEMO_MARKER),
      'Made by `npm run demo`: invented reports only. Never point a real portal at this folder.\n',
      { mode: 0o600 },
    );
}
