import type { Logger } from '../http/request-log';

/** A burst of reports (or a flood) is one pass, not one per report; still "at once" for a person. */
const WAKE_DELAY_MS = 200;

export interface PassLoop {
  /** A pass in a moment (or after the one running): something was just queued. */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * How the Node server works off a queue in the database (notices, translations), like its retention timer:
 * a pass every interval and whenever something is queued, one pass at a time. A pass that says more is
 * waiting (`true`) is followed by another at once. Several instances may each run one: the queues let only
 * one of them take a row.
 */
export function startPassLoop(
  pass: () => Promise<boolean | void>,
  { intervalMs, log, job }: { intervalMs: number; log: Logger; job: string },
): PassLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const wake = (): void => {
    if (soon || stopped) return;
    soon = setTimeout(() => {
      soon = undefined;
      run();
    }, WAKE_DELAY_MS);
    soon.unref();
  };
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .then(
        (more) => {
          if (more) again = true;
        },
        (error: unknown) => log({ job, level: 'error', error: String(error).slice(0, 200) }),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
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
