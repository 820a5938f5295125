import { describe, expect, it } from 'vitest';
import { allTemplates, CORPUS_LOCALES, generateDoc } from '../../../server/anonymiser/training/corpus';
import { seeded } from '../../../server/anonymiser/training/random';
import { loadFrozen, loadIndependentDev } from '../../eval/anonymiser-sets';

describe('the training corpus of the token classifier', () => {
  it('copies no evaluation text: no whole sentence, and no stretch of 30 characters between slots, stands in one', () => {
    const evaluation = [...loadIndependentDev(), ...loadFrozen()].map((t) => t.text);
    const copied: string[] = [];
    for (const template of allTemplates()) {
      const pieces = template.split(/\{[^}]+\}/);
      for (const piece of pieces) {
        const stretch = piece.trim();
        const long = stretch.length >= (pieces.length === 1 ? 15 : 30);
        if (long && evaluation.some((text) => text.includes(stretch))) copied.push(stretch);
      }
    }
    expect(copied).toEqual([]);
  });
  it('labels every name and organisation it writes, at the right place, in every language', () => {
    const r = seeded(7);
    for (const locale of CORPUS_LOCALES) {
      for (let i = 0; i < 50; i++) {
        const doc = generateDoc(locale, r);
        for (const s of doc.spans) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(doc.text.slice(s.start, s.end).trim()).toBe(doc.text.slice(s.start, s.end));
        }
      }
    }
  });
});
