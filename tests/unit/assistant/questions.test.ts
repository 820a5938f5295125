import { describe, expect, it } from 'vitest';
import { emptyDraft, formValuesFromDraft, missingTopics } from '../../../shared/assistant-draft';
import { mergeDraft } from '../../../server/assistant/extract';
import { applyAnswer, parseWhen } from '../../../server/assistant/questions';
import staedteregionAachen from '../../../server/office/staedteregion-aachen.json';
import { officeSchema } from '../../../server/office/schema';
import { translatorFor } from '../../../shared/i18n/catalog';

const today = new Date('2026-11-25T10:00:00Z');
const ctx = { t: translatorFor('de'), office: officeSchema.parse(staedteregionAachen), today };

describe('typed dates in the scripted interview', () => {
  it.each([
    ['24.12.2025', { whenDate: '2025-12-24' }],
    ['2025-12-24', { whenDate: '2025-12-24' }],
    ['3/2026', { whenYear: 2026, whenMonth: 3 }],
    ['2024', { whenYear: 2024, whenMonth: null }],
    ['٢٠٢٤', { whenYear: 2024, whenMonth: null }],
    ['۱۲/۲۰۲۵', { whenYear: 2025, whenMonth: 12 }],
  ])('%s is understood', (text, expected) => {
    expect(parseWhen(text, today)).toMatchObject(expected);
  });
  it.each(['30.02.2025', '12/2026x', '2027', '01.12.2026', 'gestern', '1850'])('%s is not', (text) => {
    expect(parseWhen(text, today)).toBeNull();
  });
});

describe('answers to the form questions', () => {
  it('maps quick replies and typed labels to codes, and refuses what fits nothing', () => {
    const when = applyAnswer(emptyDraft, 'when', { values: ['this_month'] }, ctx);
    expect(when).toMatchObject({ understood: true, draft: { whenYear: 2026, whenMonth: 11 } });
    const place = applyAnswer(emptyDraft, 'place', { text: 'Würselen' }, ctx);
    expect(place).toMatchObject({ understood: true, draft: { municipality: 'wuerselen' } });
    const online = applyAnswer(emptyDraft, 'place', { values: ['online'] }, ctx);
    expect(online).toMatchObject({ draft: { online: true, municipality: null } });
    expect(applyAnswer(emptyDraft, 'lifeDomain', { values: ['the_moon'] }, ctx)).toEqual({ understood: false });
    expect(applyAnswer(emptyDraft, 'reporterRole', { values: ['affected', 'witness'] }, ctx)).toEqual({
      understood: false,
    });
    expect(applyAnswer(emptyDraft, 'when', { values: ['unknown'] }, ctx)).toMatchObject({ skip: true });
  });

  it('asks for the form of racism only when racism was named', () => {
    const draft = { ...emptyDraft, description: 'x', grounds: ['religion' as const] };
    expect(missingTopics(draft, [])).not.toContain('racismForms');
    expect(missingTopics({ ...draft, grounds: ['racism'] }, [])).toContain('racismForms');
    expect(missingTopics(draft, ['when'])[0]).toBe('place');
  });

  it('hands the draft over as form values of the assistant channel', () => {
    const values = formValuesFromDraft({ ...emptyDraft, description: 'x', whenYear: 2025, whenMonth: 4, online: true });
    expect(values).toMatchObject({ channel: 'assistant', whenYear: '2025', whenMonth: '4', online: true });
  });
});

describe("merging the model's draft", () => {
  it('keeps what the model left empty and lets a day replace a month', () => {
    const previous = { ...emptyDraft, description: 'Erzählt.', municipality: 'alsdorf', whenYear: 2026, whenMonth: 3 };
    const merged = mergeDraft(previous, { ...emptyDraft, whenDate: '2026-03-14', grounds: ['racism'] });
    expect(merged).toMatchObject({
      description: 'Erzählt.',
      municipality: 'alsdorf',
      whenDate: '2026-03-14',
      whenYear: null,
      whenMonth: null,
      grounds: ['racism'],
    });
  });
});
