import { describe, expect, it } from 'vitest';
import { bandsOf, NEAR_DUPLICATE_SIMILARITY, similarity } from './near-duplicates';

const BUS =
  'Im Bus 51 nach Alsdorf hat mich ein Mann beschimpft und gesagt, ich soll zurück in mein Land gehen. ' +
  'Niemand hat etwas gesagt.';
const shared = (a: string, b: string) => bandsOf(a).filter((band) => bandsOf(b).includes(band)).length;

describe('nearly identical texts', () => {
  it('finds copies that differ by a word, by case, punctuation or spacing', () => {
    const copies = [
      BUS.replace('Mann', 'Typ'),
      BUS.replace('Niemand hat etwas gesagt.', 'Keiner hat etwas gesagt.'),
      BUS.replace('beschimpft und', 'beschimpft, beleidigt und'),
      BUS.toUpperCase().replace(/,/g, ' ;  '),
    ];
    for (const copy of copies) {
      expect(similarity(BUS, copy), copy).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
      expect(shared(BUS, copy), copy).toBeGreaterThan(0);
    }
  });

  it('finds copies in other scripts', () => {
    const arabic = 'في الحافلة إلى آخن شتمني رجل وقال لي ارجع إلى بلدك ولم يقل أحد شيئا';
    expect(similarity(arabic, arabic.replace('رجل', 'شاب'))).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(shared(arabic, arabic.replace('رجل', 'شاب'))).toBeGreaterThan(0);
  });

  it('keeps different reports apart, also on the same subject', () => {
    const others = [
      'Bei der Wohnungsbesichtigung in Würselen sagte der Vermieter, an Ausländer vermiete er nicht.',
      'Im Bus 51 wurde meine Tochter von einer Frau angeschrien, weil sie ein Kopftuch trägt.',
      'Mein Chef nennt mich vor allen Kollegen nur bei einem Spitznamen, der sich über meine Herkunft lustig macht.',
    ];
    for (const other of others) expect(similarity(BUS, other), other).toBeLessThan(0.25);
  });

  it('does not compare texts too short to say anything', () => {
    expect(bandsOf('Beleidigt.')).toEqual([]);
    expect(similarity('Beleidigt.', 'Beleidigt.')).toBe(0);
  });
});
