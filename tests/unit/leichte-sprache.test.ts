import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor, translatorFor } from '../../shared/i18n/catalog';
import { easyReadLines } from '../../shared/i18n/easy-read';
import { LOCALES } from '../../shared/locales';
import { officeSchema } from '../../server/office/schema';
import { publicOffice } from '../../server/http/pages';
import { renderDocument } from '../../web/render';

const messagesDir = path.resolve(import.meta.dirname, '../../shared/i18n/messages');
const raw = (locale: string) => JSON.parse(fs.readFileSync(path.join(messagesDir, `${locale}.json`), 'utf8'));
const office = officeSchema.parse(
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../server/office/staedteregion-aachen.json'), 'utf8'),
  ),
);

describe('Leichte Sprache, one sentence per line', () => {
  it('starts every sentence on a line of its own', () => {
    expect(easyReadLines('Sind Sie unsicher? Dann melden Sie es trotzdem. Das ist wichtig!')).toBe(
      'Sind Sie unsicher?\nDann melden Sie es trotzdem.\nDas ist wichtig!',
    );
    expect(easyReadLines('Zum Beispiel: 14.03.2025. Oder nur das Jahr.')).toBe(
      'Zum Beispiel: 14.03.2025.\nOder nur das Jahr.',
    );
  });

  it('keeps a sentence whole across colons, abbreviations, ordinals and numbers', () => {
    for (const sentence of [
      'Das Gesetz heißt: Datenschutz-Grund·verordnung.',
      'Ämter und Behörden (z. B. Jobcenter, Ausländerbehörde)',
      'Besonders geschützte Daten (Art. 9 DSGVO).',
      'Am 1. Januar.',
      'Der Code hat 16 Zeichen, zum Beispiel 7KQ2-M9XD-4TRB-Z3HE',
      'Höchstens 20.000 Zeichen.',
    ])
      expect(easyReadLines(sentence)).toBe(sentence);
  });

  it('is what every de-LS text carries, its German fallbacks too, and no other language', () => {
    const t = translatorFor('de-LS');
    expect(t('landing.next_1')).toBe(raw('de-LS')['landing.next_1'].replace(/\. /g, '.\n'));
    expect(messagesFor('de-LS')['landing.emergency_body']).toBe('Dann rufen Sie sofort an.\nDer Anruf kostet nichts.');
    for (const locale of LOCALES.filter((l) => l !== 'de-LS')) {
      const own = raw(locale);
      const shown = messagesFor(locale);
      for (const key of Object.keys(own)) expect(shown[key as keyof typeof shown]).toEqual(own[key]);
    }
  });

  it('is rendered as lines on de-LS pages only', () => {
    const page = (locale: 'de' | 'de-LS') =>
      renderDocument(
        {
          page: 'landing',
          base: {
            locale,
            messages: messagesFor(locale),
            office: publicOffice(office, locale),
            switchPath: '/',
            locales: [...LOCALES],
          },
          props: {},
          title: 'x',
        },
        { script: '/client.js', css: [] },
      );
    expect(page('de-LS')).toContain('<body class="easy-read">');
    expect(page('de-LS')).toContain('Sie können Hilfe bekommen.\nDiese Stellen helfen Ihnen.');
    expect(page('de')).not.toContain('class="easy-read"');
  });
});
