import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { checkKey, type BlobStore } from './store';

/**
 * Sealed files as rows of `evidence_blobs`: on PostgreSQL, so that every instance reads what any instance
 * stored, and the database's backup holds them. Deleted rows are vacuumed by the purge (server/cases/search.ts).
 */
export function createDatabaseStore(db: Kysely<Database>): BlobStore {
  return {
    async put(key, sealed, day) {
      await db
        .insertInto('evidence_blobs')
        .values({
          key: checkKey(key),
          sealed: Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength),
          stored_on: day,
        })
        .execute();
    },
    async get(key) {
      const row = await db
        .selectFrom('evidence_blobs')
        .select('sealed')
        .where('key', '=', checkKey(key))
        .executeTakeFirst();
      return row ? new Uint8Array(row.sealed) : null;
    },
    async delete(keys) {
      for (let i = 0; i < keys.length; i += 200) {
        const batch = keys.slice(i, i + 200).map(checkKey);
        await db.deleteFrom('evidence_blobs').where('key', 'in', batch).execute();
      }
    },
    async list(prefix) {
      // Keys hold no LIKE wildcards but '_', which the escape takes literally.
      const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return db
        .selectFrom('evidence_blobs')
        .select(['key', 'stored_on as day'])
        .where(sql<boolean>`key like ${pattern} escape '\\'`)
        .orderBy('key')
        .execute();
    },
  };
}
