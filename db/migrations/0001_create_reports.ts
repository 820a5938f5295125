import type { Kysely } from 'kysely';
import type { DialectKind } from '../dialects';
import { addIdColumn } from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await addIdColumn(db.schema.createTable('reports'), dialect)
    .addColumn('receipt_hash', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('new'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('consequences', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('municipality', 'text')
    .addColumn('online', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('when_precision', 'text', (col) => col.notNull())
    .addColumn('when_value', 'text')
    .addColumn('ongoing', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('witnesses', 'text')
    .addColumn('support_wanted', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('received_on', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('reports_status_received').on('reports').columns(['status', 'received_on']).execute();

  await db.schema
    .createTable('report_codes')
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('coder', 'text', (col) => col.notNull())
    .addColumn('dimension', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('report_codes_pk', ['report_id', 'coder', 'dimension', 'code'])
    .execute();
  await db.schema
    .createIndex('report_codes_dimension_code')
    .on('report_codes')
    .columns(['dimension', 'code'])
    .execute();

  await addIdColumn(db.schema.createTable('report_messages'), dialect)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('sent_on', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('report_messages_report').on('report_messages').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_messages').execute();
  await db.schema.dropTable('report_codes').execute();
  await db.schema.dropTable('reports').execute();
}
