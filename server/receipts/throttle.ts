import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

export interface ThrottleOptions {
  /** Failed attempts allowed per client within the window. */
  perClient: number;
  /** Failed attempts allowed for all clients together within the window: a brake on distributed guessing. */
  global: number;
  windowMs: number;
}

/**
 * Limits wrong receipt codes without storing who tried: the client key (e.g. an IP address) is hashed with a
 * key that lives only in this process and is replaced every window, so the entries cannot be linked to a
 * person later, are never written anywhere, and vanish after at most two windows.
 */
export class FailureThrottle {
  private key = randomBytes(32);
  private windowStart: number;
  private failures = new Map<string, number>();
  private globalFailures = 0;

  constructor(
    private readonly options: ThrottleOptions,
    private readonly clock: Clock,
  ) {
    this.windowStart = clock.now().getTime();
  }

  isBlocked(clientKey: string): boolean {
    this.rotate();
    return (
      this.globalFailures >= this.options.global ||
      (this.failures.get(this.hash(clientKey)) ?? 0) >= this.options.perClient
    );
  }

  recordFailure(clientKey: string): void {
    this.rotate();
    const id = this.hash(clientKey);
    this.failures.set(id, (this.failures.get(id) ?? 0) + 1);
    this.globalFailures += 1;
  }

  /** Seconds until the current window ends: what a blocked person is told to wait. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.windowStart + this.options.windowMs - this.clock.now().getTime()) / 1000));
  }

  private hash(clientKey: string): string {
    return createHmac('sha256', this.key).update(clientKey).digest('base64url').slice(0, 22);
  }

  private rotate(): void {
    const now = this.clock.now().getTime();
    if (now - this.windowStart < this.options.windowMs) return;
    this.windowStart = now;
    this.key = randomBytes(32);
    this.failures.clear();
    this.globalFailures = 0;
  }
}
