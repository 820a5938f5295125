import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { FailureThrottle, type SharedFailureCount } from '../../server/receipts/throttle';

/** The shared count as the database keeps it: one number per window, older windows forgotten. */
function sharedCount(): SharedFailureCount & { windows: Map<string, number> } {
  const windows = new Map<string, number>();
  return {
    windows,
    failures: async (w) => windows.get(w) ?? 0,
    add: async (w) => {
      windows.set(w, (windows.get(w) ?? 0) + 1);
      for (const key of windows.keys()) if (key < w) windows.delete(key);
    },
  };
}

describe('throttling wrong receipt codes', () => {
  const options = { perClient: 3, global: 5, windowMs: 15 * 60_000 };

  it('blocks a client after its wrong codes, until the window ends', async () => {
    const clock = fixedClock('2026-03-01T10:01:00Z');
    const throttle = new FailureThrottle(options, clock, sharedCount());
    for (let i = 0; i < 3; i++) await throttle.recordFailure('client-a');
    expect(await throttle.isBlocked('client-a')).toBe(true);
    expect(await throttle.isBlocked('client-b')).toBe(false);
    expect(throttle.retryAfterSeconds()).toBe(14 * 60);
    clock.set('2026-03-01T10:15:00Z');
    expect(await throttle.isBlocked('client-a')).toBe(false);
  });

  it('shares one global brake between instances, and starts windows at the same moments', async () => {
    const clock = fixedClock('2026-03-01T10:14:59Z');
    const shared = sharedCount();
    const one = new FailureThrottle(options, clock, shared);
    const two = new FailureThrottle(options, clock, shared);
    for (let i = 0; i < 5; i++) await (i % 2 ? one : two).recordFailure(`client-${i}`);
    expect(await one.isBlocked('someone-new')).toBe(true);
    expect(await two.isBlocked('someone-else')).toBe(true);
    clock.set('2026-03-01T10:15:00Z');
    expect(await one.isBlocked('someone-new')).toBe(false);
    await two.recordFailure('client-x');
    expect([...shared.windows.keys()]).toEqual(['2026-03-01T10:15:00.000Z']);
  });
});
