import type { Kysely } from 'kysely';

/**
 * A reporter's optional address for one kind of mail only: "there is a new message for your report".
 * Sealed like contact details, in its own table, deleted when the case is closed or withdrawn.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_notice_addresses')
    .addColumn('report_id', 'integer', (col) => col.primaryKey().references('reports.id').onDelete('cascade'))
    .addColumn('sealed', 'text', (col) => col.notNull())
    .addColumn('stored_on', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_notice_addresses').execute();
}
