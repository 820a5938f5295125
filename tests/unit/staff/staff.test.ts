import { describe, expect, it } from 'vitest';
import { matchTotpStep, currentTotpCode, generateTotpSecret } from '../../../server/auth/totp';
import { csvCell } from '../../../server/cases/csv';
import { searchTerms } from '../../../server/cases/search';
import { createSealer } from '../../../server/crypto/sealing';
import { effectiveCodesText, parseEffectiveCodes } from '../../../shared/taxonomy';

const KEY = 'a'.repeat(64);

describe('sealing contact details', () => {
  it('opens only with the same key, purpose and context', () => {
    const sealer = createSealer(KEY, 'report-contact');
    const sealed = sealer.seal('{"email":"a@example.org"}', 'contact:7');
    expect(sealed).not.toContain('example');
    expect(sealer.open(sealed, 'contact:7')).toBe('{"email":"a@example.org"}');
    expect(sealer.open(sealed, 'contact:8')).toBeNull();
    expect(createSealer(KEY, 'totp-secret').open(sealed, 'contact:7')).toBeNull();
    expect(createSealer('b'.repeat(64), 'report-contact').open(sealed, 'contact:7')).toBeNull();
    expect(sealer.open(`${sealed.slice(0, -4)}AAAA`, 'contact:7')).toBeNull();
  });

  it('uses a fresh nonce every time', () => {
    const sealer = createSealer(KEY, 'report-contact');
    expect(sealer.seal('same', 'c')).not.toBe(sealer.seal('same', 'c'));
  });
});

describe('TOTP codes', () => {
  it('accepts the current code once and refuses it again', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-02T09:00:00Z');
    const step = matchTotpStep(secret, currentTotpCode(secret, now), now, null);
    expect(step).not.toBeNull();
    expect(matchTotpStep(secret, currentTotpCode(secret, now), now, step)).toBeNull();
  });

  it('allows one step of clock drift, not more', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-02T09:00:00Z');
    const earlier = currentTotpCode(secret, new Date(now.getTime() - 30_000));
    const muchEarlier = currentTotpCode(secret, new Date(now.getTime() - 120_000));
    expect(matchTotpStep(secret, earlier, now, null)).not.toBeNull();
    if (muchEarlier !== currentTotpCode(secret, now)) expect(matchTotpStep(secret, muchEarlier, now, null)).toBeNull();
  });
});

describe('search terms', () => {
  it('keeps words of letters and digits only, lower-cased, at most eight', () => {
    expect(searchTerms("' OR 1=1 --")).toEqual(['or', '1']);
    expect(searchTerms('<script>alert("x")</script>')).toEqual(['script', 'alert', 'x']);
    expect(searchTerms('Müller straße 12a')).toEqual(['müller', 'straße', '12a']);
    expect(searchTerms('"* NEAR( )')).toEqual(['near']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('')).toEqual([]);
  });
});

describe('CSV cells', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+49 170')).toBe("'+49 170");
    expect(csvCell('@handle')).toBe("'@handle");
  });
});

describe('effective codes in the report row', () => {
  it('delimits every code so that one code never matches inside another', () => {
    const text = effectiveCodesText([
      { dimension: 'ground', code: 'racism' },
      { dimension: 'racism_form', code: 'other' },
    ]);
    expect(text).toBe('|ground:racism|racism_form:other|');
    expect(text.includes('|ground:other|')).toBe(false);
    expect(effectiveCodesText([])).toBe('|');
    expect(parseEffectiveCodes(text)).toEqual([
      { dimension: 'ground', code: 'racism' },
      { dimension: 'racism_form', code: 'other' },
    ]);
    expect(parseEffectiveCodes('|')).toEqual([]);
  });
});
