import type { Clock } from '../clock';
import { SlidingWindowCounter } from '../intake/sliding-window';

export interface ThrottleOptions {
  /** Wrong codes one client may send within the window before it has to wait. */
  perClient: number;
  windowMs: number;
}

/**
 * Slows down a client that sends wrong receipt codes, without storing who tried (see SlidingWindowCounter).
 * Only ever per client: there is no switch for everyone, because any such switch can be flipped by a few
 * hundred addresses and then refuses every reporter's correct code. Guessing is hopeless anyway (80 random
 * bits: at a million guesses a second, a code is found after some 10^10 years); this brake keeps a single
 * client from making the server look them up at full speed.
 */
export class FailureThrottle {
  private readonly failures: SlidingWindowCounter;

  constructor(
    private readonly options: ThrottleOptions,
    clock: Clock,
  ) {
    this.failures = new SlidingWindowCounter(clock, options.windowMs, options.perClient);
  }

  isBlocked(clientKey: string): boolean {
    return this.failures.count(clientKey) >= this.options.perClient;
  }

  recordFailure(clientKey: string): void {
    this.failures.add(clientKey);
  }

  /** Seconds until this client may try again: the window slides, so it is when its oldest failure expires. */
  retryAfterSeconds(clientKey: string): number {
    return this.failures.retryAfterSeconds(clientKey, this.options.perClient);
  }
}
