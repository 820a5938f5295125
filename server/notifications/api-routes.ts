import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import type { NotificationsView } from './page-routes';

/**
 * A staff account's own notifications and, for admins, the queue, as JSON; what changes them is in
 * ./actions.ts. Access is declared in server/auth/access.ts like every staff route.
 */
export function notificationApiRoutes(view: NotificationsView) {
  return new Hono<AppEnv>()
    .get('/api/staff/notifications', async (c) => {
      const choice = await view.choices.choiceOf(c.var.staff.user.id);
      return c.json({ ...choice, sending: Boolean(view.notifications) });
    })
    .get('/api/staff/notifications/queue', async (c) =>
      c.json({
        sending: Boolean(view.notifications),
        queue: view.notifications ? await view.notifications.overview() : [],
      }),
    );
}
