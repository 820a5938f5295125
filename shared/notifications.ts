import { z } from 'zod';

/** A staff account's notifications: none, each notice as it happens, or one mail a day. */
export const NOTICE_CHOICES = ['off', 'instant', 'digest'] as const;
export type NoticeChoice = (typeof NOTICE_CHOICES)[number];

const invalidChoice = { error: 'errors.invalid_choice' };

export const noticeChoiceSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('off') }).strict(),
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
