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

describe('the glossary', () => {
  it('shows the terms the message files use', async () => {
    const fs = await import('node:fs');
    const { GLOSSARY_FILE, renderGlossary } = await import('../i18n/glossary');
    expect(fs.readFileSync(GLOSSARY_FILE, 'utf8')).toBe(renderGlossary());
  });
});
