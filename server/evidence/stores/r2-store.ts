import { checkKey, type BlobStore } from './store';

/** The part of Cloudflare's R2 binding this store uses (see @cloudflare/workers-types for the whole). */
export interface R2Binding {
  put(key: string, value: ArrayBuffer | Uint8Array): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  delete(keys: string | string[]): Promise<void>;
  list(options: { prefix?: string; cursor?: string; limit?: number }): Promise<{
    objects: { key: string; uploaded: Date }[];
    truncated: boolean;
    cursor?: string;
  }>;
}

/**
 * Sealed files in an R2 bucket (the `EVIDENCE` binding in wrangler.toml). No custom metadata is written. R2
 * itself records when each object was uploaded, to the second: a time of day this app cannot prevent; the
 * objects are sealed and named by random ids, and go when the report goes.
 */
export function createR2Store(bucket: R2Binding): BlobStore {
  return {
    async put(key, sealed) {
      await bucket.put(checkKey(key), sealed);
    },
    async get(key) {
      const object = await bucket.get(checkKey(key));
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    async delete(keys) {
      // R2 deletes up to 1 000 keys in one call.
      for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000).map(checkKey));
    },
    async list(prefix) {
      const found: { key: string; day: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix, limit: 1000, ...(cursor ? { cursor } : {}) });
        for (const o of page.objects) found.push({ key: o.key, day: new Date(o.uploaded).toISOString().slice(0, 10) });
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return found;
    },
  };
}
