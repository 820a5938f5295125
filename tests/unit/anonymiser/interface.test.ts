import { describe, expect, it } from 'vitest';
import { anonymise, findPlaceholders, placeholderFor } from '../../../server/anonymiser/index';
import { PLACEHOLDER_LABELS } from '../../../server/anonymiser/placeholders';
import { LOCALES } from '../../../shared/locales';

describe('anonymise', () => {
  it('replaces entities by placeholders in the locale and reports input offsets', () => {
    const text = 'Herr Müller, Tel 0241 123456';
    const result = anonymise(text, 'de');
    expect(result.text).toBe('Herr [Name], Tel [Telefon]');
    expect(result.entities).toEqual([
      { type: 'name', start: 5, end: 11 },
      { type: 'phone', start: 17, end: 28 },
    ]);
    expect(anonymise('call 0176 12345678', 'tr').text).toBe('call [telefon]');
    expect(anonymise('اسمي محمد', 'ar').text).toBe('اسمي [اسم]');
  });
  it('is idempotent: placeholders are never anonymised again', () => {
    const once = anonymise('Frau Demir, ahmed@gmx.de, Lindenweg 3, 52062 Aachen, AC-AB 123', 'de').text;
    expect(anonymise(once, 'de').text).toBe(once);
    expect(anonymise(once, 'de').entities).toEqual([]);
  });
  it('returns sorted, non-overlapping entities', () => {
    const { entities } = anonymise('Ayşe Demir, Kaiserstraße 7, 52146 Würselen, Tel. +49 1520 9876543', 'de');
    for (let i = 1; i < entities.length; i++) expect(entities[i]!.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
  });
  it('has a placeholder for every type in every locale', () => {
    for (const locale of LOCALES) {
      for (const type of Object.keys(PLACEHOLDER_LABELS.de) as (keyof typeof PLACEHOLDER_LABELS.de)[]) {
        expect(placeholderFor(type, locale)).toMatch(/^\[.+\]$/);
      }
    }
  });
});

describe('findPlaceholders', () => {
  it('gives the spans of placeholders in anonymised text', () => {
    expect(findPlaceholders('Herr [Name] rief [Telefon] an', 'de')).toEqual([
      { type: 'name', start: 5, end: 11 },
      { type: 'phone', start: 17, end: 26 },
    ]);
    expect(findPlaceholders('[isim] dedi', 'tr')).toEqual([{ type: 'name', start: 0, end: 6 }]);
  });
});
