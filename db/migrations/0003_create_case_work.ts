import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../dialects';
import { addIdColumn } from './columns';

/**
 * What caseworkers add to a report: triage columns on the report itself (filtered in the inbox, so indexed),
 * notes, links, the encrypted contact for counselling, and translations of the free text.
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  const columns: [string, 'text' | 'integer', boolean][] = [
    ['assignee_id', 'integer', false],
    ['urgent', 'integer', true],
    ['acknowledged_on', 'text', false],
    ['closed_on', 'text', false],
    ['reject_reason', 'text', false],
    ['coded_on', 'text', false],
    ['text_deleted_on', 'text', false],
  ];
  for (const [name, type, zeroDefault] of columns) {
    await db.schema
      .alterTable('reports')
      .addColumn(name, type, (col) => (zeroDefault ? col.notNull().defaultTo(0) : col))
      .execute();
  }
  // The effective coding (the caseworker's once there is one, else the reporter's) as "|ground:racism|…|":
  // a copy of report_codes kept in the row, so that inbox filters and counts read one index, not a join.
  await db.schema
    .alterTable('reports')
    .addColumn('effective_codes', 'text', (col) => col.notNull().defaultTo('|'))
    .execute();
  const codes = await sql<{ report_id: number; dimension: string; code: string }>`
    select report_id, dimension, code from report_codes where coder = 'reporter' order by report_id`.execute(db);
  const byReport = new Map<number, string[]>();
  for (const c of codes.rows)
    byReport.set(c.report_id, [...(byReport.get(c.report_id) ?? []), `${c.dimension}:${c.code}`]);
  for (const [id, list] of byReport)
    await sql`update reports set effective_codes = ${`|${list.join('|')}|`} where id = ${id}`.execute(db);
  // Covers every inbox filter but text search, so that counting by status never reads the wide rows.
  await db.schema
    .createIndex('reports_triage')
    .on('reports')
    .columns([
      'status',
      'received_on',
      'urgent',
      'support_wanted',
      'municipality',
      'online',
      'assignee_id',
      'acknowledged_on',
      'effective_codes',
    ])
    .execute();
  await db.schema.createIndex('reports_closed').on('reports').columns(['closed_on']).execute();
  // Inbox filters on a code look up the reports that carry it, by coder.
  await db.schema
    .createIndex('report_codes_lookup')
    .on('report_codes')
    .columns(['dimension', 'code', 'coder', 'report_id'])
    .execute();
  await db.schema
    .createIndex('report_messages_unread')
    .on('report_messages')
    .columns(['report_id', 'author', 'read_at'])
    .execute();

  await addIdColumn(db.schema.createTable('report_notes'), dialect)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('report_notes_report').on('report_notes').column('report_id').execute();

  // One row per pair, the smaller id first, so a link is found from either side and never stored twice.
  await db.schema
    .createTable('report_links')
    .addColumn('low_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('high_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('report_links_pk', ['low_id', 'high_id'])
    .execute();
  await db.schema.createIndex('report_links_high').on('report_links').column('high_id').execute();

  await db.schema
    .createTable('report_contacts')
    .addColumn('report_id', 'integer', (col) => col.primaryKey().references('reports.id').onDelete('cascade'))
    .addColumn('sealed', 'text', (col) => col.notNull())
    .addColumn('stored_on', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('report_translations')
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('field', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('machine', 'integer', (col) => col.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('report_translations_pk', ['report_id', 'field', 'locale'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_translations', 'report_contacts', 'report_links', 'report_notes'])
    await db.schema.dropTable(table).execute();
  for (const index of ['report_messages_unread', 'report_codes_lookup', 'reports_closed', 'reports_triage'])
    await db.schema.dropIndex(index).execute();
  for (const column of [
    'effective_codes',
    'text_deleted_on',
    'coded_on',
    'reject_reason',
    'closed_on',
    'acknowledged_on',
    'urgent',
    'assignee_id',
  ])
    await db.schema.alterTable('reports').dropColumn(column).execute();
}
