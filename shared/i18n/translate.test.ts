import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatorFor } from './catalog';
import { staffTranslatorFor } from './staff/catalog';
import { pluralRulesOf } from './translate';

const SETS = ['messages', 'staff'].map((dir) => path.join(import.meta.dirname, dir));

describe('counts in messages', () => {
  it('are written in plural forms wherever a text holds {count}, in every language', () => {
    const plain: string[] = [];
    for (const dir of SETS)
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const messages = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
        for (const [key, text] of Object.entries(messages))
          if (typeof text === 'string' && text.includes('{count}')) plain.push(`${file}: ${key}`);
      }
    expect(plain).toEqual([]);
  });

  it('say "1 report" and "2 reports" in the staff inbox, never "1 reports"', () => {
    const en = staffTranslatorFor('en');
    const de = staffTranslatorFor('de');
    expect(en('inbox.found', { count: 1 })).toBe('1 report');
    expect(en('inbox.found', { count: 2 })).toBe('2 reports');
    expect(en('inbox.found', { count: 0 })).toBe('0 reports');
    expect(de('inbox.found', { count: 1 })).toBe('1 Meldung');
    expect(de('inbox.found', { count: 1000 })).toBe('1000 Meldungen');
    expect(en('inbox.unread_tag', { count: 1 })).toBe('1 new message');
  });

  it('word the small counts of the statistics in Arabic for every threshold an office may set (3 to 100)', () => {
    const t = translatorFor('ar');
    // The noun after "up to n − 1": dual for 2, plural for 3–10, singular accusative for 11–99.
    for (let threshold = 3; threshold <= 100; threshold++) {
      const max = threshold - 1;
      const text = t('statistics.suppressed_small', { n: threshold, count: max });
      expect(text, `threshold ${threshold}`).toContain(`«<${threshold}»: من 1 إلى ${max} `);
      const noun = max === 2 ? 'بلاغين' : max <= 10 ? 'بلاغات' : 'بلاغًا';
      expect(text, `threshold ${threshold}`).toContain(`${max} ${noun}،`);
    }
  });

  it("follow each language's own rules for the same numbers", () => {
    const counts = [2, 5, 21, 22, 25, 99];
    const form = (locale: string) =>
      counts.map((count) => translatorFor(locale as 'ru')('statistics.suppressed_small', { n: count + 1, count }));
    expect(form('ru').map((s) => s.match(/до \d+ (\S+);/)![1])).toEqual([
      'сообщений',
      'сообщений',
      'сообщения',
      'сообщений',
      'сообщений',
      'сообщений',
    ]);
    expect(form('pl').map((s) => s.match(/do \d+ (\S+);/)![1])).toEqual([
      'zgłoszeń',
      'zgłoszeń',
      'zgłoszeń',
      'zgłoszeń',
      'zgłoszeń',
      'zgłoszeń',
    ]);
    expect(form('de').every((s) => s.includes('Meldungen'))).toBe(true);
    expect(pluralRulesOf('de-LS').select(1)).toBe('one');
  });
});
