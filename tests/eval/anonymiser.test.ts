import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluatePeerCases, PEER_FILE } from './anonymiser';
import { precisionOf, recallOf } from './anonymiser-metrics';
import { FROZEN_FILE, FROZEN_SHA256, loadEvalSet, sha256Of } from './anonymiser-sets';

describe('anonymiser evaluation sets', () => {
  it('keeps the frozen held-out set exactly as it was committed before any tuning', () => {
    expect(sha256Of(FROZEN_FILE)).toBe(FROZEN_SHA256);
  });
  it("has the peer cases in the repository's fixtures (a missing file fails, it does not skip)", () => {
    expect(existsSync(PEER_FILE), `missing ${PEER_FILE}`).toBe(true);
  });
});

describe('anonymiser quality floors', () => {
  it('removes at least 95% of the Presidio peer-case spans', () => {
    const peer = evaluatePeerCases();
    expect(peer.spans).toBeGreaterThan(200);
    expect(peer.gone / peer.spans).toBeGreaterThanOrEqual(0.95);
  });
  it('keeps recall and precision on the old evaluation set above its floors', () => {
    const set = loadEvalSet();
    expect(new Set(set.map((t) => t.split))).toEqual(new Set(['dev', 'heldout', 'heldout2', 'heldout3']));
    const s = evaluate(set);
    expect(recallOf(s, 'name')).toBeGreaterThanOrEqual(0.9);
    expect(precisionOf(s)).toBeGreaterThanOrEqual(0.9);
  });
});
