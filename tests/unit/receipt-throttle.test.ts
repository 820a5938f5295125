import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { FailureThrottle } from '../../server/receipts/throttle';

describe('throttling wrong receipt codes', () => {
  const options = { perClient: 3, windowMs: 15 * 60_000 };

  it('makes a client wait after its wrong codes, and nobody else', () => {
    const clock = fixedClock('2026-03-01T10:01:00Z');
    const throttle = new FailureThrottle(options, clock);
    for (let i = 0; i < 3; i++) throttle.recordFailure('client-a');
    expect(throttle.isBlocked('client-a')).toBe(true);
    expect(throttle.isBlocked('client-b')).toBe(false);
    expect(throttle.retryAfterSeconds('client-a')).toBe(15 * 60);
    clock.set('2026-03-01T10:16:01Z');
    expect(throttle.isBlocked('client-a')).toBe(false);
  });

  it('slides: a burst across the edge of a fixed window gets no second allowance', () => {
    const clock = fixedClock('2026-03-01T10:14:50Z');
    const throttle = new FailureThrottle(options, clock);
    for (let i = 0; i < 3; i++) throttle.recordFailure('client-a');
    // 10:15:00 starts a new fixed window (and a new hashing key): the failures before it still count.
    clock.set('2026-03-01T10:15:10Z');
    expect(throttle.isBlocked('client-a')).toBe(true);
    expect(throttle.retryAfterSeconds('client-a')).toBe(14 * 60 + 40);
    clock.set('2026-03-01T10:29:51Z');
    expect(throttle.isBlocked('client-a')).toBe(false);
  });

  it('has no switch for everyone: many clients failing blocks none of the others', () => {
    const clock = fixedClock('2026-03-01T10:00:00Z');
    const throttle = new FailureThrottle(options, clock);
    for (let client = 0; client < 2000; client++) throttle.recordFailure(`client-${client}`);
    expect(throttle.isBlocked('an-honest-reporter')).toBe(false);
  });
});
