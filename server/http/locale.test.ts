import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale';

describe('the language from Accept-Language', () => {
  it('takes the most wanted language the portal has, by weight and then order', () => {
    expect(negotiateLocale('fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(negotiateLocale('en;q=0.5, ar;q=0.9')).toBe('ar');
    expect(negotiateLocale('tr, de')).toBe('tr');
  });

  it('matches a regional tag by its language', () => {
    expect(negotiateLocale('uk-UA')).toBe('uk');
    expect(negotiateLocale('pt-BR, ru-RU;q=0.7')).toBe('ru');
  });

  it('falls back to German for nothing, nonsense or languages the portal does not have', () => {
    expect(negotiateLocale(undefined)).toBe('de');
    expect(negotiateLocale('')).toBe('de');
    expect(negotiateLocale('xx;q=abc, ;;;')).toBe('de');
    expect(negotiateLocale('ja, zh;q=0.8')).toBe('de');
    expect(negotiateLocale('en;q=0')).toBe('de');
  });

  it('never picks Leichte Sprache, which has no tag of its own: only the URL chooses it', () => {
    expect(negotiateLocale('de-LS, en;q=0.1')).toBe('de');
  });

  it('chooses among the languages offered, e.g. the back office’s two', () => {
    expect(negotiateLocale('ar, en;q=0.5', ['de', 'en'])).toBe('en');
  });
});
