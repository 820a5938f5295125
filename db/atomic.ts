import type { Compilable, Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * A write that must change at least one row, or else nothing of its group is written: a guarded transition
 * (`update … where status = <from>`), or a change to a report that must still exist. Put guards first: on
 * PostgreSQL the guarded update takes the row's lock before anything else of the group is written.
 */
export interface Guarded {
  readonly guard: Compilable;
}

export function guarded(query: Compilable): Guarded {
  return { guard: query };
}

export type AtomicWrite = Compilable | Guarded;

/**
 * Runs several writes as one: all or none. A transaction on SQLite and PostgreSQL; a batch on D1, which has
 * no interactive transactions. Writes that need each other's results express that in SQL (e.g. a subquery on
 * a unique key) rather than in code between the statements, so that the same list works on every dialect.
 * This is the only way the app writes more than one statement together: no `db.transaction()` elsewhere.
 *
 * Resolves to false, having written nothing, when a guarded write changed no row (someone else's write came
 * first); to true otherwise.
 */
export type AtomicWriter = (writes: AtomicWrite[]) => Promise<boolean>;

export function isGuarded(write: AtomicWrite): write is Guarded {
  return 'guard' in write;
}

export function compiledWrites(writes: AtomicWrite[]) {
  return writes.map((w) =>
    isGuarded(w) ? { ...w.guard.compile(), guarded: true } : { ...w.compile(), guarded: false },
  );
}

/** Thrown inside a transaction to undo it when a guard changed nothing; never leaves the writer. */
export class GuardNotMet extends Error {
  constructor() {
    super('a guarded write changed no row');
  }
}

export function transactionalWriter(db: Kysely<Database>): AtomicWriter {
  return async (writes) => {
    try {
      await db.transaction().execute(async (trx) => {
        for (const { guarded: isGuard, ...query } of compiledWrites(writes)) {
          const result = await trx.executeQuery(query);
          if (isGuard && !result.numAffectedRows) throw new GuardNotMet();
        }
      });
      return true;
    } catch (error) {
      if (error instanceof GuardNotMet) return false;
      throw error;
    }
  };
}
