import type { Kysely } from 'kysely';
import type { DialectKind } from '../dialects';

/**
 * Evidence files of a report: one row per cleaned file (what kind, how large, added when and by whom); the
 * sealed bytes live in the evidence store (a folder on SQLite, R2 on Workers) or, on PostgreSQL, in
 * `evidence_blobs`, so that several instances share them. Nothing of the original file is kept: no name, no
 * metadata, no size of the upload.
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('report_evidence')
    // Random, never a count: an id says nothing about how many files the office holds or in which order.
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('bytes', 'integer', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('pages', 'integer')
    // 'report' (sent with it), 'reporter' (added later with the receipt code) or 'staff'.
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('added_on', 'text', (col) => col.notNull())
    .addColumn('covered_on', 'text')
    .execute();
  await db.schema.createIndex('report_evidence_report').on('report_evidence').column('report_id').execute();

  await db.schema
    .createTable('evidence_blobs')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('sealed', dialect === 'postgres' ? 'bytea' : 'blob', (col) => col.notNull())
    .addColumn('stored_on', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_blobs').execute();
  await db.schema.dropTable('report_evidence').execute();
}
