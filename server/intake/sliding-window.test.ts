import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { SlidingWindowCounter } from './sliding-window';

describe('counting per client over a sliding window', () => {
  it('counts the events of the last window only, across the change of hashing key', () => {
    const clock = fixedClock('2026-03-01T10:50:00Z');
    const counter = new SlidingWindowCounter(clock, 60 * 60_000, 10);
    counter.add('a');
    clock.set('2026-03-01T11:10:00Z');
    counter.add('a');
    expect(counter.count('a')).toBe(2);
    expect(counter.count('b')).toBe(0);
    clock.set('2026-03-01T11:50:01Z');
    expect(counter.count('a')).toBe(1);
    clock.set('2026-03-01T13:00:00Z');
    expect(counter.count('a')).toBe(0);
  });

  it('says when the oldest event that matters leaves the window', () => {
    const clock = fixedClock('2026-03-01T10:00:00Z');
    const counter = new SlidingWindowCounter(clock, 60 * 60_000, 3);
    for (const minute of ['00', '10', '20']) {
      clock.set(`2026-03-01T10:${minute}:00Z`);
      counter.add('a');
    }
    expect(counter.retryAfterSeconds('a', 3)).toBe(40 * 60);
    expect(counter.retryAfterSeconds('a', 2)).toBe(50 * 60);
  });

  it('keeps no more clients than its bound, forgetting the one seen longest ago', () => {
    const clock = fixedClock('2026-03-01T10:00:00Z');
    const counter = new SlidingWindowCounter(clock, 60_000, 1, 3);
    for (const c of ['a', 'b', 'c', 'd']) counter.add(c);
    expect(['a', 'b', 'c', 'd'].map((c) => counter.count(c))).toEqual([0, 1, 1, 1]);
  });
});
