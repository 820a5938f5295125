import type { Kysely } from 'kysely';
import type { AtomicWriter } from '../../db/atomic';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import type { Logger } from '../http/request-log';
import type { EventKind, NoticeKind, Notify, RecipientKey } from './kinds';
import { createSealer } from '../crypto/sealing';
import { composeNotice, composeReporterNotice, inboxCounts, needsCounts, type InboxCounts } from './notices';
import { createNotificationQueue } from './queue';
import { createRecipients } from './recipients';
import type { NotificationSettings } from './settings';
import { DeliveryFailed, type Transport } from './transports/transport';

/** At most this many notices per pass; the rest wait for the next one (seconds later). */
const BATCH = 50;

export interface NotificationTransports {
  /** SMTP on Node, or the JSON mail API; null when the office set up a webhook only. */
  mail: Transport | null;
  webhook: Transport | null;
}

export interface NotificationsDeps {
  db: Kysely<Database>;
  atomic: AtomicWriter;
  clock: Clock;
  settings: NotificationSettings;
  transports: NotificationTransports;
  /** The back office's address, for the link in every notice. */
  publicBaseUrl: string;
  /** Opens a reporter's sealed notice address, at the moment of sending only. */
  encryptionKey: string;
  log: Logger;
  /** Called after something was queued: the Node server starts a delivery pass at once. */
  onQueued?: () => void;
}

export interface PassResult {
  delivered: number;
  retried: number;
  failed: number;
  dropped: number;
}

/**
 * Notices that something happened, never what: queued in the database by the services (never delaying or
 * failing what they do), delivered by a pass that the Node server runs on a timer and the Worker on its
 * cron trigger, retried with exponential backoff, and made once a day for what is due tomorrow and for the
 * digest readers.
 */
export function createNotifications(deps: NotificationsDeps) {
  const { db, clock, settings, transports, log } = deps;
  const queue = createNotificationQueue(db, deps.atomic, clock);
  const recipients = createRecipients(db, settings, createSealer(deps.encryptionKey, 'report-contact'));
  /** The day whose daily notices this instance has seen queued (by itself or another): not asked again. */
  let dailyDoneFor = '';

  const notify: Notify = async (kind: EventKind) => {
    try {
      await queue.enqueue(kind, await recipients.forKind(kind));
      deps.onQueued?.();
    } catch (error) {
      // The report or message is stored; a notice lost here is found again by the daily reminder and digest.
      log({ job: 'notifications', level: 'error', event: kind, error: String(error).slice(0, 200) });
    }
  };

  async function queueDailyWhenDue(): Promise<void> {
    const { day, hour } = localDayAndHour(clock.now(), settings.timeZone);
    if (hour < settings.dailyHour || dailyDoneFor === day) return;
    const counts = await inboxCounts(db, clock);
    const daily: { kind: NoticeKind; recipients: RecipientKey[] }[] = [
      { kind: 'digest', recipients: await recipients.forKind('digest') },
    ];
    if (counts.dueTomorrow > 0)
      daily.push({ kind: 'acknowledgement.due', recipients: await recipients.forKind('acknowledgement.due') });
    await queue.enqueueDaily(day, daily);
    dailyDoneFor = day;
  }

  /**
   * Every notice due now, each channel (mail, webhook) on its own so that a slow mail server does not hold
   * the chat back; within a channel one after the other, and once one fails for all, the rest wait too.
   */
  async function deliverDue(): Promise<PassResult> {
    const result: PassResult = { delivered: 0, retried: 0, failed: 0, dropped: 0 };
    const due = await queue.due(BATCH);
    const byChannel = [due.filter((n) => n.recipient !== 'webhook'), due.filter((n) => n.recipient === 'webhook')];
    let counts: Promise<InboxCounts> | undefined;
    const countsOnce = () => (counts ??= inboxCounts(db, clock));
    await Promise.all(
      byChannel.map(async (notices) => {
        let outage: DeliveryFailed | undefined;
        for (const candidate of notices) {
          const notice = await queue.claim(candidate);
          if (!notice) continue;
          const recipient = await recipients.resolve(notice.recipient);
          const transport = recipient && (recipient.channel === 'webhook' ? transports.webhook : transports.mail);
          const words = !recipient
            ? null
            : recipient.channel === 'reporter'
              ? composeReporterNotice(recipient.locale, deps.publicBaseUrl)
              : composeNotice(
                  notice.kind,
                  recipient.locale,
                  deps.publicBaseUrl,
                  needsCounts(notice.kind) ? await countsOnce() : null,
                );
          if (!recipient || !transport || !words) {
            await queue.drop(notice.id);
            result.dropped++;
          } else if (outage) {
            await queue.retryLater(notice, outage.reason);
            result.retried++;
          } else {
            try {
              await transport.deliver(words, recipient.address, notice.deliveryKey);
              await queue.delivered(notice.id);
              result.delivered++;
            } catch (error) {
              const failure = error instanceof DeliveryFailed ? error : new DeliveryFailed('error', false, false);
              if (failure.transportDown) outage = failure;
              if (failure.permanent) {
                await queue.giveUp(notice.id, failure.reason, notice.attempts + 1);
                result.failed++;
              } else {
                await queue.retryLater(notice, failure.reason);
                result.retried++;
              }
            }
          }
        }
      }),
    );
    return result;
  }

  return {
    notify,

    /** One pass: the daily notices when their hour has come, then every delivery that is due. */
    async runOnce(): Promise<PassResult> {
      await queueDailyWhenDue();
      const result = await deliverDue();
      if (result.delivered || result.retried || result.failed || result.dropped) {
        log({ job: 'notifications', ...result });
      }
      return result;
    },

    /**
     * That the office wrote to a reporter who left an address for it. Queued only while the address is
     * stored; never delays or fails the reply.
     */
    async notifyReporter(reportId: number): Promise<void> {
      try {
        const stored = await db
          .selectFrom('report_notice_addresses')
          .select('report_id')
          .where('report_id', '=', reportId)
          .executeTakeFirst();
        if (!stored || !settings.mail) return;
        await queue.enqueue('reporter.reply', [`reporter:${reportId}`]);
        deps.onQueued?.();
      } catch (error) {
        log({ job: 'notifications', level: 'error', event: 'reporter.reply', error: String(error).slice(0, 200) });
      }
    },

    /** A test notice to one recipient, from the back office: false when there is nobody to send it to. */
    async queueTest(recipient: RecipientKey): Promise<boolean> {
      if (!(await recipients.resolve(recipient))) return false;
      await queue.enqueue('test', [recipient]);
      deps.onQueued?.();
      return true;
    },

    overview: () => queue.overview(),
    /** Mail is set up: a reporter's address for notices can be used. */
    reachesReporters: Boolean(settings.mail),
    /** Which shared channels are set up, for the admins' test buttons. */
    channels: () => ({ officeMailbox: Boolean(settings.officeMailbox), webhook: Boolean(settings.webhook) }),
    recipients,
    close(): void {
      transports.mail?.close?.();
      transports.webhook?.close?.();
    },
  };
}
export type Notifications = ReturnType<typeof createNotifications>;

/** The office's calendar day and hour, for "every morning at seven". */
export function localDayAndHour(date: Date, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}
