import { describe, expect, it } from 'vitest';
import { evaluate, formatResults } from './assistant';
import { PERSONAS } from './personas';

describe('the assistant evaluation, run against fake models', () => {
  it('covers tidy and messy personas in many languages, with the cases that matter most', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(18);
    expect(new Set(PERSONAS.map((p) => p.locale)).size).toBeGreaterThanOrEqual(8);
    const fieldsOf = PERSONAS.map((p) => p.opening.fields);
    expect(fieldsOf.some((f) => f.reporterRole === 'witness')).toBe(true);
    expect(fieldsOf.some((f) => f.lifeDomain === 'housing' && f.ongoing)).toBe(true);
    expect(fieldsOf.some((f) => f.online)).toBe(true);
    expect(PERSONAS.some((p) => p.safety?.danger === 'acute_danger')).toBe(true);
    expect(PERSONAS.some((p) => p.injection)).toBe(true);
    const messy = PERSONAS.map((p) => p.messy ?? '').join(' ');
    for (const kind of ['short answers', 'typos', 'code-switching', 'two topics at once', 'correcting', 'refusing'])
      expect(messy).toContain(kind);
  });

  it('with a model that reads what was said: every field right, nothing asked twice, nothing typed lost', async () => {
    const results = (await evaluate('fake'))!;
    const report = formatResults(results);
    for (const r of results) {
      expect(r.errors, report).toEqual([]);
      expect(r.complete, report).toBe(true);
      expect(r.fieldsCorrect, report).toBe(r.fieldsExpected);
      expect(r.askedTwice, report).toEqual([]);
      expect(r.lost, report).toEqual([]);
      expect(['ok', '–'], report).toContain(r.safety);
      expect(r.role, report).not.toBe('lost');
    }
  }, 180_000);

  it('with a model that fills the schema with any valid values: no error, nothing asked twice, nothing lost', async () => {
    const results = (await evaluate('schema'))!;
    const report = formatResults(results);
    for (const r of results) {
      expect(r.errors, report).toEqual([]);
      expect(r.complete, report).toBe(true);
      expect(r.askedTwice, report).toEqual([]);
      expect(r.lost, report).toEqual([]);
      // Help is never missed; a model that reads danger where there is none gets the help shown (erring to safety).
      expect(r.safety, report).not.toMatch(/missed|late/);
    }
  }, 180_000);
});
