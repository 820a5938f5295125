import type { CreateTableBuilder } from 'kysely';
import type { DialectKind } from '../dialects';

/** An integer key the database assigns: SQLite's AUTOINCREMENT never reuses a deleted report's id. */
export function addIdColumn<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectKind) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}
