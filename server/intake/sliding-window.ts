import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

interface Generation {
  index: number;
  key: Buffer;
  /** Per keyed client hash: the times of its most recent events, oldest first. */
  events: Map<string, number[]>;
}

/**
 * Counts events per client over a sliding window, without storing who the client is. A client (an address,
 * or a name and an address) is hashed with a key that lives only in this process and is replaced every
 * window length; the entries of the key before are kept one more window, so that the window slides across
 * the change of key, and then forgotten with their key. Nothing is ever written anywhere: a restart forgets
 * everything, and with several instances each counts for itself.
 *
 * Sliding, not fixed: a burst across the edge of a fixed window would get twice the allowance.
 */
export class SlidingWindowCounter {
  private current: Generation;
  private previous: Generation | null = null;

  /**
   * @param windowMs the window the events are counted over
   * @param keep how many of a client's most recent events to keep: the largest allowance it is checked against
   * @param maxClients a bound on memory per generation, against floods from many addresses: when full, the
   *   client that was seen longest ago is forgotten
   */
  constructor(
    private readonly clock: Clock,
    private readonly windowMs: number,
    private readonly keep: number,
    private readonly maxClients = 100_000,
  ) {
    this.current = this.generation(this.indexAt(clock.now().getTime()));
  }

  /** Events of this client within the window that ends now. */
  count(client: string): number {
    return this.recent(client).length;
  }

  /** Counts one event of this client now. */
  add(client: string): void {
    this.rotate();
    const now = this.clock.now().getTime();
    const id = this.hash(this.current, client);
    const events = [...this.recent(client), now].slice(-this.keep);
    // Re-inserted, so that the map's order is the order of last use and the oldest is evicted first.
    this.current.events.delete(id);
    this.current.events.set(id, events);
    if (this.previous) this.previous.events.delete(this.hash(this.previous, client));
    if (this.current.events.size > this.maxClients)
      this.current.events.delete(this.current.events.keys().next().value!);
  }

  /** Seconds until this client's count falls below `allowance` again (at least 1). */
  retryAfterSeconds(client: string, allowance: number): number {
    const events = this.recent(client);
    if (events.length < allowance) return 1;
    const freed = events[events.length - allowance]! + this.windowMs;
    return Math.max(1, Math.ceil((freed - this.clock.now().getTime()) / 1000));
  }

  /** Forgets a client's events, e.g. after it proved who it is. */
  clear(client: string): void {
    this.rotate();
    this.current.events.delete(this.hash(this.current, client));
    if (this.previous) this.previous.events.delete(this.hash(this.previous, client));
  }

  private recent(client: string): number[] {
    this.rotate();
    const since = this.clock.now().getTime() - this.windowMs;
    const own = this.current.events.get(this.hash(this.current, client)) ?? [];
    const before = this.previous ? (this.previous.events.get(this.hash(this.previous, client)) ?? []) : [];
    return [...before, ...own].filter((t) => t > since);
  }

  private rotate(): void {
    const index = this.indexAt(this.clock.now().getTime());
    if (index === this.current.index) return;
    // Events of a generation two windows back are all older than the window: its key goes with them.
    this.previous = index === this.current.index + 1 ? this.current : null;
    this.current = this.generation(index);
  }

  private indexAt(ms: number): number {
    return Math.floor(ms / this.windowMs);
  }

  private generation(index: number): Generation {
    return { index, key: randomBytes(32), events: new Map() };
  }

  private hash(generation: Generation, client: string): string {
    return createHmac('sha256', generation.key).update(client).digest('base64url').slice(0, 22);
  }
}
