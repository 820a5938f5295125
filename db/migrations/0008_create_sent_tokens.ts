import type { Kysely } from 'kysely';

/**
 * One row per form that created something (a report, a reporter's message): the keyed hash of the form's
 * one-time token and the day it was used. A repeat of the same post finds its row and stores nothing.
 * Rows are forgotten after a day; they hold nothing about the reporter or the content.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sent_tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('sent_on', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sent_tokens_sent_on').on('sent_tokens').column('sent_on').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sent_tokens').execute();
}
