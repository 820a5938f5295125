import type { Logger } from '../http/request-log';
import { startPassLoop, type PassLoop } from '../jobs/pass-loop';
import type { Notifications } from './service';

export type NotificationLoop = PassLoop;

/** The Node server's delivery loop: a pass every interval and whenever a notice is queued. */
export function startNotificationLoop(
  notifications: () => Notifications,
  { intervalMs, log }: { intervalMs: number; log: Logger },
): NotificationLoop {
  return startPassLoop(
    async () => {
      await notifications().runOnce();
    },
    { intervalMs, log, job: 'notifications' },
  );
}
