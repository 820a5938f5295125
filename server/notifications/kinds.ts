/**
 * What the services tell the notifications: that something happened, never what. A reporter's report or
 * message, or a caseworker flagging a report as urgent. No id, text or time travels with it.
 */
export const EVENT_KINDS = ['report.received', 'report.urgent', 'reporter.message'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Made once a day by the notifications themselves, from what waits in the inbox. */
export const DAILY_KINDS = ['acknowledgement.due', 'digest'] as const;

export { NOTICE_KINDS, type NoticeKind } from '../../shared/notifications';

/**
 * Queues a notice of the kind for everyone who wants it. Never throws and never waits for a mail server:
 * a submission waits at most for one small write to the queue.
 */
export type Notify = (kind: EventKind) => Promise<void>;

/** Who a queued notice is for: a staff account, the office's shared mailbox, the webhook, or a report's reporter. */
export type RecipientKey = `staff:${number}` | 'office' | 'webhook' | `reporter:${number}`;
