import type { Logger } from '../http/request-log';
import type { Notifications } from './service';

export interface NotificationLoop {
  /** A pass now (or right after the one running): something was just queued. */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The Node server's delivery loop, like its retention timer: a pass every interval and whenever something
 * is queued, one pass at a time. Several instances may each run one: a notice is claimed before it is sent.
 */
export function startNotificationLoop(
  notifications: () => Notifications,
  { intervalMs, log }: { intervalMs: number; log: Logger },
): NotificationLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = notifications()
      .runOnce()
      .then(
        () => undefined,
        (error: unknown) => log({ job: 'notifications', level: 'error', error: String(error).slice(0, 200) }),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    wake: pass,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
