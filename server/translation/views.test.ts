import { describe, expect, it } from 'vitest';
import { phraseText } from '../../shared/i18n/phrasebook';
import { officeGerman, readerVersion } from './views';

const office = { author: 'office' as const, phrase: null, body: '', translation: null, translation_locale: null };

describe("an office message in the reader's language", () => {
  it('takes the phrase from the phrasebook and the own words from the machine, each marked', () => {
    const m = {
      ...office,
      phrase: 'acknowledge',
      body: 'Wir rufen Sie nicht an.',
      translation: 'Sizi aramayacağız.',
      translation_locale: 'tr',
    };
    expect(readerVersion(m, 'tr')).toEqual({
      language: 'tr',
      parts: [
        { text: phraseText('acknowledge', 'tr'), source: 'phrasebook' },
        { text: 'Sizi aramayacağız.', source: 'machine' },
      ],
    });
    expect(officeGerman(m)).toBe(`${phraseText('acknowledge', 'de')}\n\nWir rufen Sie nicht an.`);
  });

  it('keeps words without a translation in German, marked, after a phrase', () => {
    const m = { ...office, phrase: 'more_detail', body: 'Danke.' };
    expect(readerVersion(m, 'ar')?.parts.map((p) => p.source)).toEqual(['phrasebook', 'original']);
  });

  it('has none when nothing is in the reader’s language: the page says the message is in German', () => {
    expect(readerVersion({ ...office, body: 'Danke.' }, 'fa')).toBeNull();
    // A translation into another language than the page's is not shown as this one.
    expect(
      readerVersion({ ...office, body: 'Danke.', translation: 'Teşekkürler.', translation_locale: 'tr' }, 'fa'),
    ).toBeNull();
  });

  it('gives German readers the German, and Leichte Sprache readers the phrase in Leichte Sprache', () => {
    expect(readerVersion({ ...office, phrase: 'closing', body: 'Danke.' }, 'de')).toBeNull();
    expect(readerVersion({ ...office, phrase: 'closing', body: 'Danke.' }, 'de-LS')?.parts[0]).toEqual({
      text: phraseText('closing', 'de-LS'),
      source: 'phrasebook',
    });
    expect(readerVersion({ ...office, body: 'Danke.' }, 'de-LS')).toBeNull();
  });

  it("never touches the reporter's own messages", () => {
    expect(readerVersion({ ...office, author: 'reporter', body: 'Merhaba.' }, 'tr')).toBeNull();
  });
});
