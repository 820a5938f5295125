import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, htmlLangOf } from '../../shared/locales';
import { counsellingDescription, officeText } from './localized';
import { officeSchema, type CounsellingContact } from './schema';

const OFFICE_DIR = import.meta.dirname;
const officeFiles = fs.readdirSync(OFFICE_DIR).filter((f) => f.endsWith('.json'));
const load = (file: string) => officeSchema.parse(JSON.parse(fs.readFileSync(path.join(OFFICE_DIR, file), 'utf8')));

/** What a reader misses about a contact in one language: whom it serves, its languages, its description. */
function gaps(contact: CounsellingContact): string[] {
  const missing: string[] = [];
  if (!contact.audience) missing.push('no audience (whom it serves)');
  if (!contact.languages) missing.push('no languages (in which it answers)');
  for (const code of contact.languages ?? []) {
    if (new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) === undefined)
      missing.push(`unknown language ${code}`);
  }
  for (const locale of LOCALES) {
    if (!contact.description[locale]) missing.push(`no description in ${locale}`);
    if (contact.audience && !contact.audience[locale]) missing.push(`no audience in ${locale}`);
    if (!contact.audience || !contact.languages) continue;
    const shown = counsellingDescription(contact, locale);
    const usual = new Intl.DisplayNames([htmlLangOf(locale)], { type: 'language' }).of(contact.languages[0]!)!;
    if (!shown.includes(officeText(contact.audience, locale))) missing.push(`audience not shown in ${locale}`);
    if (!shown.includes(usual)) missing.push(`"${usual}" not shown in ${locale}`);
  }
  return missing;
}

describe.each(officeFiles)('the counselling contacts of %s', (file) => {
  it.each(load(file).counselling.map((c) => [c.name, c] as const))(
    '%s says in every public language whom it serves and in which languages it answers',
    (_, contact) => {
      expect(gaps(contact)).toEqual([]);
    },
  );
});

describe('a counselling contact as a reader sees it', () => {
  const aachen = load('staedteregion-aachen.json');
  const contact = (name: string) => aachen.counselling.find((c) => c.name === name)!;

  it('tells a reader of Arabic that the Telefonseelsorge answers in German only', () => {
    expect(counsellingDescription(contact('Telefonseelsorge'), 'ar')).toContain('اللغة: الألمانية فقط.');
  });

  it('tells a reader of Ukrainian that the Hilfetelefon is for women and answers in Ukrainian too', () => {
    const shown = counsellingDescription(contact('Hilfetelefon Gewalt gegen Frauen'), 'uk');
    expect(shown).toMatch(/^Для жінок, які зазнають насильства/);
    expect(shown).toContain('Мови: німецька, українська та інші.');
  });

  it('names every language of a short list, the usual one first and the reader’s own next', () => {
    const small = { name: 'X', languages: ['de', 'tr', 'ar'], description: { de: 'Beratung.' } };
    expect(counsellingDescription(small, 'ar')).toBe('اللغات: الألمانية والعربية والتركية. Beratung.');
    expect(counsellingDescription(small, 'en')).toBe('Languages: German, Turkish, and Arabic. Beratung.');
  });

  it('sets Leichte Sprache one sentence per line', () => {
    expect(counsellingDescription(contact('Telefonseelsorge'), 'de-LS')).toBe(
      'Für alle Menschen mit Sorgen.\nSie möchten mit jemandem reden?\nDann können Sie hier anrufen.\n' +
        'Sprache: nur Deutsch.\nTag und Nacht.\nEs kostet nichts.\nSie müssen Ihren Namen nicht sagen.',
    );
  });

  it('still reads an office file written before contacts said whom they serve: the description alone', () => {
    const older = officeSchema.parse({
      ...aachen,
      counselling: [{ name: 'Beratung', description: { de: 'Montags.', en: 'Mondays.' } }],
    });
    expect(counsellingDescription(older.counselling[0]!, 'tr')).toBe('Mondays.');
  });
});
