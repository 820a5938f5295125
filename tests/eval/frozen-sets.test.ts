import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Held-out sets are for figures only: written by people who had not seen the code, committed before any
 * figure was taken, never tuned on. Their hashes keep them as they were written.
 */
const FROZEN: [string, string][] = [
  ['tests/fixtures/danger/frozen.jsonl', 'e3f4b5d7d4b477f23c08251c245b0b96bfb6332c7811c6ef98e06a33ee3a15b9'],
  [
    'tests/fixtures/scripted-answers/held-out.jsonl',
    'a69e6d15f61a2be08b5da83e076789a6bd7ba310eda50de9ed781f195367b4b3',
  ],
];

describe('the frozen held-out sets', () => {
  it.each(FROZEN)('%s is unchanged', (file, sha256) => {
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(sha256);
  });
});
