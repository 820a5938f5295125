import { describe, expect, it } from 'vitest';
import { joinPieces, piecesOf, plausibleTranslation } from './chunks';

describe('pieces of a long text for the translator', () => {
  it('keeps a short text whole', () => {
    expect(piecesOf('Ev sahibi bana daireyi vermedi.')).toEqual([
      { text: 'Ev sahibi bana daireyi vermedi.', after: '' },
    ]);
  });

  it('cuts at line breaks, then at sentence ends, then hard, and puts the breaks back', () => {
    const paragraph = 'Bir cümle. '.repeat(30).trim();
    const text = `${paragraph}\n\n${'x'.repeat(130)}\nSon satır.`;
    const pieces = piecesOf(text, 100);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(100);
    expect(
      joinPieces(
        pieces,
        pieces.map((p) => p.text),
      ),
    ).toBe(text);
    expect(pieces.map((p) => p.text)).toContain('x'.repeat(100));
  });

  it('joins translated pieces with the original breaks', () => {
    const pieces = piecesOf('Eins.\n\nZwei.', 6);
    expect(joinPieces(pieces, ['One.', 'Two.'])).toBe('One.\n\nTwo.');
  });
});

describe('an answer that can be a translation', () => {
  it('takes answers of about the length of the text, in any script', () => {
    expect(plausibleTranslation('Ev sahibi bana daireyi vermedi.', 'Der Vermieter gab mir die Wohnung nicht.')).toBe(
      true,
    );
    expect(plausibleTranslation('Vielen Dank.', 'شكراً جزيلاً لك على رسالتك ونحن نقرأها الآن بعناية.')).toBe(true);
  });

  it('refuses an empty answer and one that runs on many times the length of the text', () => {
    expect(plausibleTranslation('Vielen Dank.', '  ')).toBe(false);
    expect(plausibleTranslation('Vielen Dank.', 'Gerne erkläre ich Ihnen diesen Text. '.repeat(10))).toBe(false);
  });
});
