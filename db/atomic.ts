import type { Compilable, Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Runs several writes as one: all or none. A transaction on SQLite and PostgreSQL; a batch on D1, which has
 * no interactive transactions. Writes that need each other's results express that in SQL (e.g. a subquery on
 * a unique key) rather than in code between the statements, so that the same list works on every dialect.
 * This is the only way the app writes more than one statement together: no `db.transaction()` elsewhere.
 */
export type AtomicWriter = (queries: Compilable[]) => Promise<void>;

export function transactionalWriter(db: Kysely<Database>): AtomicWriter {
  return async (queries) => {
    await db.transaction().execute(async (trx) => {
      for (const query of queries) await trx.executeQuery(query.compile());
    });
  };
}
