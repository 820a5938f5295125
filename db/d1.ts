import {
  SqliteAdapter,
  SqliteQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import { compiledWrites, type AtomicWriter } from './atomic';

/** The part of Cloudflare's D1 binding this dialect uses (see @cloudflare/workers-types for the whole). */
export interface D1Binding {
  prepare(sql: string): D1Statement;
  batch(statements: D1Statement[]): Promise<unknown[]>;
}
interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  all(): Promise<{ results?: unknown[]; meta: { changes?: number; last_row_id?: number } }>;
}

/** Kysely over D1: SQLite's SQL, statements sent one by one to the binding. */
export class D1Dialect implements Dialect {
  constructor(private readonly binding: D1Binding) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new D1Driver(this.binding);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new D1Introspector(db);
  }
}

/**
 * D1 refuses the pragma functions Kysely's SQLite introspector uses; the migrator only needs table names,
 * which sqlite_master gives.
 */
class D1Introspector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}
  async getSchemas(): Promise<SchemaMetadata[]> {
    return [];
  }
  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(this.db);
    return rows.map((r) => ({ name: r.name, isView: false, columns: [] }));
  }
  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class D1Driver implements Driver {
  constructor(private readonly binding: D1Binding) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.binding);
  }
  async beginTransaction(): Promise<void> {
    // D1 runs each statement on its own; a silent non-atomic "transaction" would be worse than none.
    throw new Error('D1 has no interactive transactions: group the writes with the AtomicWriter');
  }
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

class D1Connection implements DatabaseConnection {
  constructor(private readonly binding: D1Binding) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { results, meta } = await this.binding
      .prepare(query.sql)
      .bind(...query.parameters)
      .all();
    return {
      rows: (results ?? []) as R[],
      ...(meta.changes ? { numAffectedRows: BigInt(meta.changes) } : {}),
      ...(meta.last_row_id != null ? { insertId: BigInt(meta.last_row_id) } : {}),
    };
  }
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('D1 does not stream query results');
  }
}

/**
 * After a guarded write, a statement that fails when that write changed no row: D1 undoes the whole batch
 * when one of its statements fails, and a batch cannot be stopped half-way otherwise. `changes()` counts the
 * rows of the statement just before it (not those of triggers); json() of a non-JSON text is SQLite's plain
 * way of failing from inside an expression.
 */
const GUARD_CHECK = "select case when changes() = 0 then json('guard not met') end";
const GUARD_FAILURE = /malformed JSON/i;

/** D1's batch is atomic: every statement commits, or none does. */
export function d1BatchWriter(binding: D1Binding): AtomicWriter {
  return async (writes) => {
    if (writes.length === 0) return true;
    const compiled = compiledWrites(writes);
    try {
      await binding.batch(
        compiled.flatMap(({ sql, parameters, guarded }) => [
          binding.prepare(sql).bind(...parameters),
          ...(guarded ? [binding.prepare(GUARD_CHECK)] : []),
        ]),
      );
      return true;
    } catch (error) {
      if (compiled.some((q) => q.guarded) && GUARD_FAILURE.test(String(error))) return false;
      throw error;
    }
  };
}
