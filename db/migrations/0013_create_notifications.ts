import type { Kysely } from 'kysely';
import type { DialectKind } from '../dialects';
import { addIdColumn } from './columns';

/**
 * Notices to staff that something happened, never what: the queue of deliveries (one row per kind of notice
 * and recipient, deleted once delivered), the staff accounts' opt-in, and the days the daily notices were made.
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await addIdColumn(db.schema.createTable('notification_queue'), dialect)
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('delivery_key', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failed_on', 'text')
    .addColumn('follow_up', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // A notice still waiting absorbs the next one of its kind for the same recipient.
  await db.schema
    .createIndex('notification_queue_pending')
    .on('notification_queue')
    .columns(['kind', 'recipient'])
    .unique()
    .execute();

  await db.schema
    .createTable('staff_notification_settings')
    .addColumn('user_id', 'integer', (col) => col.primaryKey().references('staff_users.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('mode', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('notification_days')
    .addColumn('day', 'text', (col) => col.primaryKey())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_days').execute();
  await db.schema.dropTable('staff_notification_settings').execute();
  await db.schema.dropTable('notification_queue').execute();
}
