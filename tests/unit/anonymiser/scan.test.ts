import { describe, expect, it } from 'vitest';
import { allMatches, matchesNear, sticky } from '../../../server/anonymiser/scan';

/** A seeded generator of texts made of the characters the anchored scans care about. */
function texts(seed: number, n: number): string[] {
  let a = seed;
  const next = () => {
    a = (a * 1103515245 + 12345) & 0x7fffffff;
    return a / 0x7fffffff;
  };
  const pieces = ['a', 'Z', 'ä', 'ß', '1', '0', '7', ' ', '-', '.', '@', '(', 'at', ')', '[', ']', '\n', 'de', 'x'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const len = 1 + Math.floor(next() * 40);
    for (let k = 0; k < len; k++) s += pieces[Math.floor(next() * pieces.length)];
    out.push(s);
  }
  return out;
}

const spans = (ms: RegExpExecArray[]) => ms.map((m) => `${m.index}:${m[0]}`);

describe('anchored scans find what a full scan finds', () => {
  it('for a pattern that starts at its anchor', () => {
    const re = /(?<![\p{L}])@[\p{L}\d]+/gu;
    for (const t of texts(1, 2000)) {
      expect(spans(matchesNear(sticky(re), t, /@/g, (_t, q) => q))).toEqual(spans(allMatches(re, t)));
    }
  });
  it('for a pattern of bounded length before its anchor', () => {
    const re = /(?<![\p{L}\d-])[A-Z]{1,3}[- ][a-z]{1,2} ?[1-9]\d{0,3}(?![\p{L}\d])/giu;
    for (const t of texts(2, 2000)) {
      expect(spans(matchesNear(sticky(re), t, /[1-9]/g, (_t, q) => q - 8))).toEqual(spans(allMatches(re, t)));
    }
  });
  it('for a pattern whose start is found by walking left over the characters it may hold', () => {
    const re = /(?<![\p{L}\d.])[\p{L}\d.]+(?:@|\s?[([]at[)\]]\s?)[\p{L}\d]+\.[\p{L}]{2,}/giu;
    const mayHold = (t: string, i: number) => /[\p{L}\d.@()[\]]/u.test(t[i]!) || /\s/.test(t[i]!);
    const start = (t: string, q: number, floor: number) => {
      let s = q;
      while (s > floor && mayHold(t, s - 1)) s--;
      return s;
    };
    for (const t of texts(3, 2000)) {
      expect(spans(matchesNear(sticky(re), t, /[@([]/g, start))).toEqual(spans(allMatches(re, t)));
    }
  });
});
