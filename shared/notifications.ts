import { z } from 'zod';

/** A staff account's notifications: none, each notice as it happens, or one mail a day. */
export const NOTICE_CHOICES = ['off', 'instant', 'digest'] as const;
export type NoticeChoice = (typeof NOTICE_CHOICES)[number];

/**
 * What a notice can say happened: three events, two made once a day, a test from the back office, and the
 * one notice a reporter can ask for: that the office has written (never what, never the code).
 */
export const NOTICE_KINDS = [
  'report.received',
  'report.urgent',
  'reporter.message',
  'acknowledgement.due',
  'digest',
  'test',
  'reporter.reply',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const invalidChoice = { error: 'errors.invalid_choice' };

/**
 * The choice as JSON or as the page's form. The form always sends its address field: with "off" it is
 * accepted and dropped, since opting out keeps no address.
 */
export const noticeChoiceSchema = z.discriminatedUnion(
  'mode',
  [
    z
      .object({ mode: z.literal('off'), email: z.string().max(254).optional() })
      .strict()
      .transform(() => ({ mode: 'off' as const })),
    z
      .object({
        mode: z.enum(['instant', 'digest'], invalidChoice),
        email: z.email({ error: 'errors.notice_email_invalid' }).max(254, 'errors.notice_email_invalid'),
      })
      .strict(),
  ],
  invalidChoice,
);
export type NoticeChoiceInput = z.infer<typeof noticeChoiceSchema>;

/** Whom a test notice goes to: the account itself; admins also the shared mailbox or the webhook. */
export const noticeTestSchema = z
  .object({ to: z.enum(['me', 'office', 'webhook'], invalidChoice).default('me') })
  .strict();

/** A staff account's own choice, as the page and the JSON route show it. */
export interface NoticeChoiceView {
  mode: NoticeChoice;
  email: string | null;
}

/** Who a queued notice is for, as an admin reads it: an account by its name, the shared mailbox, the webhook. */
export type QueuedRecipientView = { staff: string } | 'office' | 'webhook' | 'reporter';

/** One row of the queue for admins: what kind, for whom, how often tried, why it failed. Never content. */
export interface QueuedNoticeView {
  kind: NoticeKind;
  recipient: QueuedRecipientView;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  failedOn: string | null;
}

/** How this office sends: whether at all, and to which shared channels (for the admins' test buttons). */
export interface NoticeChannelsView {
  sending: boolean;
  officeMailbox: boolean;
  webhook: boolean;
}
