import { describe, expect, it } from 'vitest';
import { checkMessageSets, findHardCodedText } from '../i18n/check';

describe('translations', () => {
  it('have every key of the German messages, with the same placeholders, in every locale', () => {
    expect(checkMessageSets()).toEqual([]);
  });

  it('are the only source of text in the pages', () => {
    expect(findHardCodedText()).toEqual([]);
  });
});
