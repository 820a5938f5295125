import { describe, expect, it } from 'vitest';
import { applyRemovals, parseRemoved, removableWords, reviewDigest, sameText, wordsKey } from './reviewed-text';

const text = 'Herr [Name] aus der Bäckerei Meyer-Lüdenscheidt, Tel. [Telefon], schrieb an a.b@c.de.';
const at = (t: string, part: string) => ({ start: t.indexOf(part), end: t.indexOf(part) + part.length });
const placeholders = [at(text, '[Name]'), at(text, '[Telefon]')];
const words = (t: string) => removableWords(t, placeholders).map((w) => t.slice(w.start, w.end));

describe("the reporter's own removals", () => {
  it('offers every word outside the placeholders, names and addresses whole', () => {
    expect(words(text)).toEqual([
      'Herr',
      'aus',
      'der',
      'Bäckerei',
      'Meyer-Lüdenscheidt',
      'Tel',
      'schrieb',
      'an',
      'a.b@c.de',
    ]);
  });

  it('replaces removed words, neighbours between blanks by one placeholder, and moves the marks with them', () => {
    const result = applyRemovals(text, placeholders, [3, 4, 8], '[entfernt]');
    expect(result.text).toBe('Herr [Name] aus der [entfernt], Tel. [Telefon], schrieb an [entfernt].');
    expect(result.marks.map((m) => [m.kind, result.text.slice(m.start, m.end)])).toEqual([
      ['replaced', '[Name]'],
      ['removed', '[entfernt]'],
      ['replaced', '[Telefon]'],
      ['removed', '[entfernt]'],
    ]);
  });

  it('keeps punctuation and line breaks between removed words, so the text keeps its shape', () => {
    const two = 'Ali,\nYilmaz';
    expect(applyRemovals(two, [], [0, 1], '[x]').text).toBe('[x],\n[x]');
  });

  it('ignores indices that name no word, in the browser as on the server', () => {
    expect(applyRemovals(text, placeholders, [-1, 2.5, 99], '[entfernt]').text).toBe(text);
    expect(parseRemoved('3 1 x 1 -2 1e3 4')).toEqual([1, 3, 4]);
    expect(parseRemoved(undefined)).toEqual([]);
  });

  it('gives the same digest only for the same texts', () => {
    expect(reviewDigest('a', 'b')).toBe(reviewDigest('a', 'b'));
    expect(reviewDigest('a', 'b')).not.toBe(reviewDigest('a b', ''));
    expect(reviewDigest('a', 'b')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys removals by the words alone, so that placeholders in another language keep them', () => {
    const arabic = 'Herr [اسم] aus der Bäckerei Meyer-Lüdenscheidt, Tel. [هاتف], schrieb an a.b@c.de.';
    const arabicPlaceholders = [at(arabic, '[اسم]'), at(arabic, '[هاتف]')];
    expect(wordsKey(arabic, arabicPlaceholders)).toBe(wordsKey(text, placeholders));
    expect(wordsKey('Herr Meyer', [])).not.toBe(wordsKey(text, placeholders));
  });

  it('does not take line endings or blanks at the ends for a change', () => {
    expect(sameText('a\r\nb \n', 'a\nb')).toBe(true);
    expect(sameText('a b', 'a  b')).toBe(false);
  });
});
