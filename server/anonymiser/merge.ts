import type { Candidate, Entity } from './types';

/**
 * Resolve overlapping candidates: higher score first, then the longer span, then the earlier one.
 * Validated structures (IBAN, tax ID) carry the highest scores, so a checksum beats a guess; among
 * equals the longer span wins, so "Mustafa-Kemal-Straße 4" is one address, not a name plus digits.
 */
export function mergeCandidates(candidates: Candidate[], blocked: Entity[] = []): Entity[] {
  const ordered = candidates
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Entity[] = [...blocked];
  const result: Entity[] = [];
  for (const c of ordered) {
    if (accepted.some((e) => c.start < e.end && e.start < c.end)) continue;
    const entity: Entity = { type: c.type, start: c.start, end: c.end, ...(c.kind ? { kind: c.kind } : {}) };
    accepted.push(entity);
    result.push(entity);
  }
  return result.sort((a, b) => a.start - b.start);
}
