import type { Kysely } from 'kysely';
import type { DialectKind } from '../dialects';

/**
 * Case work on a flood:
 * - `reports.text_group`: the first report of a group of nearly identical texts sent within two days (see
 *   server/reports/near-duplicates.ts); null for a text like no other. The inbox shows a group as one row.
 * - `report_text_bands`: the text's sketch (hashes of MinHash bands, never words), kept only as long as a new
 *   report can still join its group (two days), to find the group by an index instead of reading every text.
 * - An index for the inbox's filter on the flag, and one for a group's members.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema.alterTable('reports').addColumn('text_group', 'integer').execute();
  await db.schema.createIndex('reports_flag').on('reports').columns(['flag', 'status']).execute();
  await db.schema.createIndex('reports_text_group').on('reports').columns(['text_group', 'status']).execute();
  await db.schema
    .createTable('report_text_bands')
    .addColumn('band', 'text', (col) => col.notNull())
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('received_on', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('report_text_bands_pk', ['band', 'report_id'])
    .execute();
  await db.schema.createIndex('report_text_bands_report').on('report_text_bands').column('report_id').execute();
  await db.schema.createIndex('report_text_bands_day').on('report_text_bands').column('received_on').execute();
}

export async function down(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema.dropTable('report_text_bands').execute();
  await db.schema.dropIndex('reports_text_group').execute();
  await db.schema.dropIndex('reports_flag').execute();
  await db.schema.alterTable('reports').dropColumn('text_group').execute();
}
