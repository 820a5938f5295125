/**
 * Where sealed evidence bytes are kept, behind one interface: a folder under DATA_DIR (Node with SQLite), the
 * database (PostgreSQL, so that several instances share them), R2 (Workers). It holds only sealed bytes under
 * keys that say nothing: `files/<random id>`, `files/<id>.thumb`, `staging/<day>/<keyed hash>/<random id>`.
 */
export interface BlobStore {
  put(key: string, sealed: Uint8Array, day: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  /** Deleting a key that is not there is no error. */
  delete(keys: string[]): Promise<void>;
  /** Keys that start with `prefix`, with the day each was stored. */
  list(prefix: string): Promise<{ key: string; day: string }[]>;
}

const KEY = /^(?:files|staging)(?:\/[a-z0-9][a-z0-9._-]*)+$/;

/** Keys are made by the app, never by a request; this makes a mistake loud rather than a path outside the store. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`not an evidence key: ${key.slice(0, 80)}`);
  return key;
}
