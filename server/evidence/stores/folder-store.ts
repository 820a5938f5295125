import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type BlobStore } from './store';

/**
 * Sealed files in a folder (`$DATA_DIR/evidence`), readable by the server's user only. A file is written
 * whole under a temporary name and renamed, so a crash never leaves half a file under a real key. Its times
 * are set to the day (midnight UTC): a file's modification time would otherwise tell when a report came, to
 * the second. Deleting overwrites the bytes before unlinking: what the file system then keeps of the blocks
 * is sealed anyway.
 */
export function createFolderStore(root: string): BlobStore {
  const pathOf = (key: string) => path.join(root, ...checkKey(key).split('/'));

  async function writeWhole(file: string, bytes: Uint8Array) {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  }

  async function shred(file: string) {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      await handle.write(Buffer.alloc(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rm(file, { force: true });
  }

  /** Empty staging folders go with their last file: no folder says that someone once staged something. */
  async function removeEmptyParents(file: string) {
    let dir = path.dirname(file);
    while (dir.startsWith(path.join(root, 'staging') + path.sep)) {
      try {
        await fs.rmdir(dir);
      } catch {
        return;
      }
      dir = path.dirname(dir);
    }
  }

  async function walk(dir: string): Promise<string[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) found.push(...(await walk(full)));
      else if (!entry.name.endsWith('.partial')) found.push(full);
    }
    return found;
  }

  return {
    async put(key, sealed, day) {
      const file = pathOf(key);
      await writeWhole(file, sealed);
      const midnight = new Date(`${day}T00:00:00Z`);
      await fs.utimes(file, midnight, midnight);
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(keys) {
      for (const key of keys) {
        const file = pathOf(key);
        await shred(file);
        await removeEmptyParents(file);
      }
    },
    async list(prefix) {
      // The prefix's folder part narrows the walk; the rest filters names.
      const parts = prefix.split('/');
      const dir = path.join(root, ...parts.slice(0, -1));
      const files = await walk(dir);
      const keys = files
        .map((f) => path.relative(root, f).split(path.sep).join('/'))
        .filter((k) => k.startsWith(prefix));
      return Promise.all(
        keys.map(async (key) => ({ key, day: (await fs.stat(pathOf(key))).mtime.toISOString().slice(0, 10) })),
      );
    },
  };
}
