import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

export interface ThrottleOptions {
  /** Failed attempts allowed per client within the window. */
  perClient: number;
  /** Failed attempts allowed for all clients together within the window: a brake on distributed guessing. */
  global: number;
  windowMs: number;
}

/** The count of wrong codes per window across every instance of the app; it holds no client data. */
export interface SharedFailureCount {
  failures(windowStart: string): Promise<number>;
  /** Counts one more failure in this window and forgets windows before it. */
  add(windowStart: string): Promise<void>;
}

/**
 * Limits wrong receipt codes without storing who tried. Per client: the client key (e.g. an IP address) is
 * hashed with a key that lives only in this process and is replaced every window, so the entries cannot be
 * linked to a person later, are never written anywhere, and vanish with the window. For all clients
 * together: a plain count in the database, so that several instances share one global brake.
 * Windows start at fixed multiples of the window length, so every instance agrees where one ends.
 */
export class FailureThrottle {
  private key = randomBytes(32);
  private window = -1;
  private failures = new Map<string, number>();

  constructor(
    private readonly options: ThrottleOptions,
    private readonly clock: Clock,
    private readonly shared: SharedFailureCount,
  ) {}

  async isBlocked(clientKey: string): Promise<boolean> {
    this.rotate();
    if ((this.failures.get(this.hash(clientKey)) ?? 0) >= this.options.perClient) return true;
    return (await this.shared.failures(this.windowStart())) >= this.options.global;
  }

  async recordFailure(clientKey: string): Promise<void> {
    this.rotate();
    const id = this.hash(clientKey);
    this.failures.set(id, (this.failures.get(id) ?? 0) + 1);
    await this.shared.add(this.windowStart());
  }

  /** Seconds until the current window ends: what a blocked person is told to wait. */
  retryAfterSeconds(): number {
    const end = (this.currentWindow() + 1) * this.options.windowMs;
    return Math.max(1, Math.ceil((end - this.clock.now().getTime()) / 1000));
  }

  private currentWindow(): number {
    return Math.floor(this.clock.now().getTime() / this.options.windowMs);
  }

  private windowStart(): string {
    return new Date(this.window * this.options.windowMs).toISOString();
  }

  private hash(clientKey: string): string {
    return createHmac('sha256', this.key).update(clientKey).digest('base64url').slice(0, 22);
  }

  private rotate(): void {
    const window = this.currentWindow();
    if (window === this.window) return;
    this.window = window;
    this.key = randomBytes(32);
    this.failures.clear();
  }
}
