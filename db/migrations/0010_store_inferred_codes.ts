import type { Kysely } from 'kysely';

/**
 * Codes the assistant read from a story that the reporter did not choose or confirm: kept apart from the
 * reporter's and the caseworker's coding (report_codes), so that no count, filter or export takes them for
 * either, and shown to caseworkers as inferred. They go with their report when it is withdrawn.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_inferred_codes')
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('dimension', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('report_inferred_codes_pk', ['report_id', 'dimension', 'code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_inferred_codes').execute();
}
