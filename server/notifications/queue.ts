import type { Kysely } from 'kysely';
import type { AtomicWriter } from '../../db/atomic';
import type { Database } from '../../db/schema';
import { isoDay, type Clock } from '../clock';
import type { NoticeKind, RecipientKey } from './kinds';

/** Long enough for one delivery with its timeouts; an instance that dies holding a row frees it after this. */
const CLAIM_MS = 2 * 60_000;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;
/** About two days of attempts (1, 2, 4 … 32 minutes, then hourly): longer and the notice is stale. */
export const MAX_ATTEMPTS = 48;

export interface QueuedNotice {
  id: number;
  kind: NoticeKind;
  recipient: RecipientKey;
  deliveryKey: string;
  attempts: number;
}

/** Waits 1, 2, 4 … minutes after each failed attempt, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

/**
 * The queue of notices in SQL. A row is a kind and a recipient, nothing about any report; it is deleted once
 * delivered. While a row waits, the next notice of its kind for the same recipient adds nothing (one mail
 * "there is something new" covers both), so a mail server that is down for a day yields one mail per kind
 * when it returns, not one per event.
 */
export function createNotificationQueue(db: Kysely<Database>, atomic: AtomicWriter, clock: Clock) {
  const now = () => clock.now().toISOString();

  function insertRows(kind: NoticeKind, recipients: readonly RecipientKey[]) {
    const at = now();
    return db
      .insertInto('notification_queue')
      .values(recipients.map((recipient) => ({ kind, recipient })))
      .onConflict((oc) =>
        oc
          .columns(['kind', 'recipient'])
          // A row given up comes back to life; a row being sent right now is sent once more afterwards (the
          // notice on its way may have been written before this event). A row merely waiting stays as it is.
          .doUpdateSet((eb) => ({
            follow_up: eb
              .case()
              .when('notification_queue.claimed_until', '>', at)
              .then(1)
              .else(eb.ref('notification_queue.follow_up'))
              .end(),
            failed_on: null,
            attempts: eb
              .case()
              .when('notification_queue.failed_on', 'is not', null)
              .then(0)
              .else(eb.ref('notification_queue.attempts'))
              .end(),
            next_attempt_at: eb
              .case()
              .when('notification_queue.failed_on', 'is not', null)
              .then(null)
              .else(eb.ref('notification_queue.next_attempt_at'))
              .end(),
          }))
          .where((eb) =>
            eb.or([
              eb('notification_queue.failed_on', 'is not', null),
              eb('notification_queue.claimed_until', '>', at),
            ]),
          ),
      );
  }

  return {
    async enqueue(kind: NoticeKind, recipients: readonly RecipientKey[]): Promise<void> {
      if (recipients.length) await insertRows(kind, recipients).execute();
    },

    /**
     * The daily notices of one day, queued at most once whoever runs the job: the day's row and the notices
     * are one atomic write, and a second attempt fails on the day's key. False when the day was done already.
     */
    async enqueueDaily(day: string, notices: { kind: NoticeKind; recipients: RecipientKey[] }[]): Promise<boolean> {
      try {
        await atomic([
          db.insertInto('notification_days').values({ day }),
          ...notices.filter((n) => n.recipients.length).map((n) => insertRows(n.kind, n.recipients)),
        ]);
      } catch (error) {
        if (/unique|duplicate/i.test(String(error))) return false;
        throw error;
      }
      // The record of a day is needed only until the day is over.
      await db.deleteFrom('notification_days').where('day', '<', day).execute();
      return true;
    },

    /** Notices due now that nobody else is delivering, oldest first. */
    async due(limit: number): Promise<QueuedNotice[]> {
      const at = now();
      const rows = await db
        .selectFrom('notification_queue')
        .select(['id', 'kind', 'recipient', 'delivery_key', 'attempts'])
        .where('failed_on', 'is', null)
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind as NoticeKind,
        recipient: r.recipient as RecipientKey,
        deliveryKey: r.delivery_key ?? '',
        attempts: r.attempts,
      }));
    },

    /**
     * Takes a row for delivery, so that another instance passes it by; false when someone else was faster.
     * The delivery key is made here, once, and kept across retries.
     */
    async claim(notice: QueuedNotice): Promise<QueuedNotice | null> {
      const at = now();
      const key = notice.deliveryKey || crypto.randomUUID();
      const result = await db
        .updateTable('notification_queue')
        .set((eb) => ({
          claimed_until: new Date(clock.now().getTime() + CLAIM_MS).toISOString(),
          delivery_key: eb.fn.coalesce('delivery_key', eb.val(key)),
        }))
        .where('id', '=', notice.id)
        .where('failed_on', 'is', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      const row = await db
        .selectFrom('notification_queue')
        .select('delivery_key')
        .where('id', '=', notice.id)
        .executeTakeFirst();
      return row?.delivery_key ? { ...notice, deliveryKey: row.delivery_key } : null;
    },

    /** Delivered: gone, unless a notice of its kind came meanwhile; then once more, as a new delivery. */
    async delivered(id: number): Promise<void> {
      const gone = await db
        .deleteFrom('notification_queue')
        .where('id', '=', id)
        .where('follow_up', '=', 0)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) === 1) return;
      await db
        .updateTable('notification_queue')
        .set({
          follow_up: 0,
          claimed_until: null,
          delivery_key: null,
          attempts: 0,
          next_attempt_at: null,
          last_error: null,
        })
        .where('id', '=', id)
        .execute();
    },

    /** Nobody to deliver to any more (an account that opted out, a setting removed): dropped unsent. */
    async drop(id: number): Promise<void> {
      await db.deleteFrom('notification_queue').where('id', '=', id).execute();
    },

    /** A failure that may pass (the server down, a timeout): tried again later, or given up after MAX_ATTEMPTS. */
    async retryLater(notice: QueuedNotice, reason: string): Promise<void> {
      const attempts = notice.attempts + 1;
      if (attempts >= MAX_ATTEMPTS) return this.giveUp(notice.id, reason, attempts);
      await db
        .updateTable('notification_queue')
        .set({
          attempts,
          next_attempt_at: new Date(clock.now().getTime() + retryDelayMs(attempts)).toISOString(),
          last_error: reason,
          claimed_until: null,
        })
        .where('id', '=', notice.id)
        .execute();
    },

    /** A refusal that will not pass (no such mailbox): kept for the admins to see, until the next notice. */
    async giveUp(id: number, reason: string, attempts?: number): Promise<void> {
      await db
        .updateTable('notification_queue')
        .set({
          failed_on: isoDay(clock.now()),
          last_error: reason,
          claimed_until: null,
          follow_up: 0,
          ...(attempts !== undefined ? { attempts } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    /** What waits and what failed, for the admins: kinds, recipients, attempts and reasons. */
    async overview() {
      const rows = await db
        .selectFrom('notification_queue')
        .select(['kind', 'recipient', 'attempts', 'next_attempt_at', 'last_error', 'failed_on'])
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        kind: r.kind as NoticeKind,
        recipient: r.recipient as RecipientKey,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at,
        lastError: r.last_error,
        failedOn: r.failed_on,
      }));
    },
  };
}
export type NotificationQueue = ReturnType<typeof createNotificationQueue>;
