import { Hono } from 'hono';
import type { QueuedNoticeView, QueuedRecipientView } from '../../shared/notifications';
import type { AuthService } from '../auth/service';
import type { AppEnv } from '../http/env';
import { noticeKeyFrom } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';
import type { RecipientKey } from './kinds';
import type { NoticeChoices } from './recipients';
import type { Notifications } from './service';

/** What the notifications' page and JSON routes read. */
export interface NotificationsView {
  choices: NoticeChoices;
  /** Null when the office set up no mail and no webhook: choices can be stored, nothing is sent. */
  notifications: Notifications | null;
}

/**
 * The notifications page: one's own choice and a test notice for everyone who works on cases; the queue
 * (what waits, what failed and why) for admins. Plain forms, no script.
 */
export function notificationPageRoutes({
  view,
  auth,
  renderPage,
}: {
  view: NotificationsView;
  auth: AuthService;
  renderPage: StaffPageRenderer;
}) {
  return new Hono<AppEnv>().get('/staff/notifications', async (c) => {
    const { user } = c.var.staff;
    const { notifications } = view;
    const isAdmin = user.role === 'admin';
    const queue = isAdmin && notifications ? await queueWithNames(notifications, auth) : null;
    const channels = notifications?.channels();
    const error = noticeKeyFrom(c.req.query('error'));
    return renderPage(
      c,
      'notifications',
      {
        choice: await view.choices.choiceOf(user.id),
        channels: {
          sending: Boolean(notifications),
          officeMailbox: Boolean(channels?.officeMailbox),
          webhook: Boolean(channels?.webhook),
        },
        isAdmin,
        queue: isAdmin ? (queue ?? []) : null,
        notice: noticeKeyFrom(c.req.query('notice')),
        errors: error ? { _: error } : {},
      },
      { titleKey: 'notifications.title' },
    );
  });
}

/** The queue as admins read it: an account by its display name (its address stays on its own page). */
async function queueWithNames(notifications: Notifications, auth: AuthService): Promise<QueuedNoticeView[]> {
  const [rows, users] = await Promise.all([notifications.overview(), auth.listUsers()]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const recipientOf = (key: RecipientKey): QueuedRecipientView =>
    key === 'office' || key === 'webhook'
      ? key
      : key.startsWith('reporter:')
        ? 'reporter'
        : { staff: names.get(Number(key.slice('staff:'.length))) ?? key.slice('staff:'.length) };
  return rows.map((r) => ({ ...r, recipient: recipientOf(r.recipient) }));
}
