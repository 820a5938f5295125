import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokenFloors, evaluate, evaluatePeerCases, loadEvalSet, PEER_FILE } from './anonymiser';

describe('anonymiser quality floors', () => {
  it("has the peer cases in the repository's fixtures (a missing file fails, it does not skip)", () => {
    expect(existsSync(PEER_FILE), `missing ${PEER_FILE}`).toBe(true);
  });
  it('removes at least 95% of the Presidio peer-case spans', () => {
    const peer = evaluatePeerCases();
    expect(peer.spans).toBeGreaterThan(200);
    expect(peer.gone / peer.spans).toBeGreaterThanOrEqual(0.95);
  });
  it('keeps recall and precision on all splits of the evaluation set together above the floors', () => {
    const set = loadEvalSet();
    expect(set.length).toBeGreaterThanOrEqual(500);
    expect(new Set(set.map((t) => t.split))).toEqual(new Set(['dev', 'heldout', 'heldout2', 'heldout3']));
    expect(brokenFloors(evaluate(set), evaluatePeerCases())).toEqual([]);
  });
});
