import { noticeChoiceSchema, noticeTestSchema } from '../../shared/notifications';
import { CASEWORK } from '../auth/roles';
import { AppError } from '../http/errors';
import { staffAction } from '../staff/action';

const PAGE = '/staff/notifications';

/**
 * One's own notifications and a test notice: each a form on the notifications page and a JSON route. The
 * audit row holds the choice and the recipient's kind, never an address.
 */
export const NOTIFICATION_ACTIONS = [
  staffAction({
    summary: "Choose one's own notifications: none, each notice at once, or a daily digest, and the address",
    method: 'PUT',
    path: 'notifications',
    roles: CASEWORK,
    input: noticeChoiceSchema,
    run: async ({ services, actor }, choice) => {
      const { atomic, audit, notices } = services;
      await atomic([
        notices.choices.choiceWrite(actor.id, choice),
        audit.entry(actor, 'notifications.choice', { detail: { mode: choice.mode } }),
      ]);
      return { ...(await notices.choices.choiceOf(actor.id)), sending: Boolean(notices.notifications) };
    },
    answer: (choice) => choice,
    page: {
      back: () => PAGE,
      notice: (_, { mode }) => (mode === 'off' ? 'notices.notifications_off' : 'notices.notifications_saved'),
    },
  }),
  staffAction({
    summary: 'Send a test notice to oneself; admins also to the shared mailbox or the webhook',
    method: 'POST',
    path: 'notifications/test',
    roles: CASEWORK,
    input: noticeTestSchema,
    run: async ({ services, actor, principal }, { to }) => {
      const { notifications } = services.notices;
      if (to !== 'me' && principal.user.role !== 'admin') throw new AppError(403, 'errors.forbidden');
      if (!notifications) throw new AppError(409, 'errors.notifications_not_set_up');
      const queued = await notifications.queueTest(to === 'me' ? `staff:${actor.id}` : to);
      if (!queued) throw new AppError(409, 'errors.notice_recipient_missing');
      await services.audit.record(actor, 'notifications.test', { detail: { to } });
    },
    answer: () => ({ queued: true }),
    status: 202,
    page: { back: () => PAGE, notice: () => 'notices.notification_test_queued' },
  }),
];
