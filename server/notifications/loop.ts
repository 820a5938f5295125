import type { Logger } from '../http/request-log';
import type { Notifications } from './service';

/** A burst of reports (or a flood) is one pass, not one per report; still "at once" for a person. */
const WAKE_DELAY_MS = 200;

export interface NotificationLoop {
  /** A pass in a moment (or after the one running): something was just queued. */
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
  let soon: ReturnType<typeof setTimeout> | undefined;
  const wake = (): void => {
    if (soon || stopped) return;
    soon = setTimeout(() => {
      soon = undefined;
      pass();
    }, WAKE_DELAY_MS);
    soon.unref();
  };
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
          wake();
        }
      });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    wake,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(soon);
      await running;
    },
  };
}
