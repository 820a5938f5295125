import type { Kysely } from 'kysely';

/** One row per time window: how many wrong receipt codes all instances saw together. No client data. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('receipt_failure_windows')
    .addColumn('window_start', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receipt_failure_windows').execute();
}
