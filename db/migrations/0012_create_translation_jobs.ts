import type { Kysely } from 'kysely';
import type { DialectKind } from '../dialects';
import { addIdColumn } from './columns';

/**
 * Translation both ways:
 * - `translation_jobs`: texts waiting for a machine translation, one row per text (a report's description or
 *   consequences, a message), deleted once translated. No time at all: a row is made when a reporter sends
 *   something, so any time on it would tell when they did; retries are timed from the count of attempts.
 * - `report_messages.locale`: the language a message is written in (null for messages from before this).
 * - `report_messages.phrase`: the phrasebook entry an office message opens with; the reporter reads it in
 *   their language from the reviewed phrasebook, and `body` holds the caseworker's own words after it.
 * - `report_messages.translation` (+ `translation_locale`): the machine translation of `body`, beside it in the
 *   same row, so that whatever deletes or redacts a message takes its translation along.
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await addIdColumn(db.schema.createTable('translation_jobs'), dialect)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // One job per text: enqueueing again adds nothing, so every write path may simply ask for it.
  await db.schema
    .createIndex('translation_jobs_subject')
    .on('translation_jobs')
    .columns(['report_id', 'subject'])
    .unique()
    .execute();

  for (const column of ['locale', 'phrase', 'translation', 'translation_locale'])
    await db.schema.alterTable('report_messages').addColumn(column, 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['translation_locale', 'translation', 'phrase', 'locale'])
    await db.schema.alterTable('report_messages').dropColumn(column).execute();
  await db.schema.dropTable('translation_jobs').execute();
}
