import { Hono } from 'hono';
import { noticeChoiceSchema, noticeTestSchema } from '../../shared/notifications';
import type { AuditLog } from '../audit/log';
import { actorOf } from '../auth/service';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import type { NoticeChoices } from './recipients';
import type { Notifications } from './service';

/**
 * A staff account's own notifications as JSON (the page comes with the back office's settings), a test
 * notice, and the queue for admins. Access is declared in server/auth/access.ts like every staff route.
 */
export function notificationApiRoutes({
  choices,
  notifications,
  audit,
}: {
  choices: NoticeChoices;
  /** Null when the office set up no mail and no webhook: choices can be stored, nothing is sent. */
  notifications: Notifications | null;
  audit: AuditLog;
}) {
  return new Hono<AppEnv>()
    .get('/api/staff/notifications', async (c) => {
      const choice = await choices.choiceOf(c.var.staff.user.id);
      return c.json({ ...choice, sending: Boolean(notifications) });
    })
    .put('/api/staff/notifications', async (c) => {
      const choice = await parseJsonBody(c, noticeChoiceSchema);
      await choices.choose(c.var.staff.user.id, choice);
      // The choice, not the address: the audit log holds ids and codes only.
      await audit.record(actorOf(c.var.staff), 'notifications.choice', { detail: { mode: choice.mode } });
      return c.json({ ...(await choices.choiceOf(c.var.staff.user.id)), sending: Boolean(notifications) });
    })
    .post('/api/staff/notifications/test', async (c) => {
      const { to } = await parseJsonBody(c, noticeTestSchema);
      if (to !== 'me' && c.var.staff.user.role !== 'admin') throw new AppError(403, 'errors.forbidden');
      if (!notifications) throw new AppError(409, 'errors.notifications_not_set_up');
      const queued = await notifications.queueTest(to === 'me' ? `staff:${c.var.staff.user.id}` : to);
      if (!queued) throw new AppError(409, 'errors.notice_recipient_missing');
      await audit.record(actorOf(c.var.staff), 'notifications.test', { detail: { to } });
      return c.json({ queued: true }, 202);
    })
    .get('/api/staff/notifications/queue', async (c) =>
      c.json({ sending: Boolean(notifications), queue: notifications ? await notifications.overview() : [] }),
    );
}
