import { describe, expect, it } from 'vitest';
import { dueInMinute } from './service';

describe('when a failed translation is tried again', () => {
  it('tries a new text at once', () => {
    expect(dueInMinute(0, 12_345)).toBe(true);
  });

  it('waits 1, 2, 4 … minutes after failures, at most 64, counted on whole minutes of the clock', () => {
    const gaps = (attempts: number) => {
      const due = Array.from({ length: 300 }, (_, m) => m).filter((m) => dueInMinute(attempts, m));
      return due[1]! - due[0]!;
    };
    expect([1, 2, 3, 4, 7, 8, 20].map(gaps)).toEqual([1, 2, 4, 8, 64, 64, 64]);
  });
});
