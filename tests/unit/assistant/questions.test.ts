import { describe, expect, it } from 'vitest';
import { emptyDraft, formValuesFromDraft, missingTopics } from '../../../shared/assistant-draft';
import { createAnswerReader } from '../../../server/assistant/answers';
import { datesInDigits } from '../../../server/assistant/answers/when';
import { applyChoice, questionFor } from '../../../server/assistant/questions';
import staedteregionAachen from '../../../server/office/staedteregion-aachen.json';
import { officeSchema } from '../../../server/office/schema';
import { translatorFor } from '../../../shared/i18n/catalog';
import type { Locale } from '../../../shared/locales';

const today = new Date('2026-12-01T10:00:00Z');
const office = officeSchema.parse(staedteregionAachen);
const ctx = { t: translatorFor('de'), office, today };
const reader = createAnswerReader(office);

describe('dates typed with digits', () => {
  it.each([
    ['24.12.2025', { whenDate: '2025-12-24' }],
    ['2025-12-24', { whenDate: '2025-12-24' }],
    ['3/2026', { whenYear: 2026, whenMonth: 3 }],
    ['2024', { whenYear: 2024, whenMonth: null }],
    ['٢٠٢٤', { whenYear: 2024, whenMonth: null }],
    ['۱۲/۲۰۲۵', { whenYear: 2025, whenMonth: 12 }],
    ['am 3.11.', { whenDate: '2026-11-03' }],
  ])('%s is understood', (text, expected) => {
    expect(datesInDigits(text, today)).toMatchObject(expected);
  });
  it.each(['30.02.2025', '2027', '02.12.2026', '1850'])('%s is not (no such day, the future, too early)', (text) => {
    expect(datesInDigits(text, today)).toBeNull();
  });
});

describe('typed answers mean what the quick replies mean, in every language', () => {
  const when: [Locale, string, object][] = [
    ['de', 'heute', { kind: 'when', fields: { whenDate: '2026-12-01' } }],
    ['de', 'gestern abend', { kind: 'when', fields: { whenDate: '2026-11-30' } }],
    ['de', 'letzte Woche', { kind: 'when', fields: { whenYear: 2026, whenMonth: 11 } }],
    ['en', 'last week', { kind: 'when', fields: { whenYear: 2026, whenMonth: 11 } }],
    ['en', 'yesterday', { kind: 'when', fields: { whenDate: '2026-11-30' } }],
    ['ar', 'اليوم', { kind: 'when', fields: { whenDate: '2026-12-01' } }],
    ['fa', 'دیروز', { kind: 'when', fields: { whenDate: '2026-11-30' } }],
    ['tr', 'geçen cuma', { kind: 'when', fields: { whenDate: '2026-11-27' } }],
    ['ru', 'в октябре', { kind: 'when', fields: { whenYear: 2026, whenMonth: 10 } }],
    ['pl', 'dwa tygodnie temu', { kind: 'when', fields: { whenYear: 2026, whenMonth: 11 } }],
    ['fr', "l'année dernière", { kind: 'when', fields: { whenYear: 2025 } }],
    ['uk', 'це триває досі', { kind: 'values', values: ['ongoing'] }],
    ['de', 'keine Ahnung', { kind: 'values', values: ['unknown'] }],
  ];
  it.each(when)('[%s] "%s" answers "when"', (locale, text, expected) => {
    expect(reader.parse('when', text, { locale, today })).toMatchObject(expected);
  });

  const places: [Locale, string, string][] = [
    ['de', 'eschweier', 'eschweiler'],
    ['tr', "Eschweiler'de", 'eschweiler'],
    ['ar', 'في شتولبرغ عند المحطة', 'stolberg'],
    ['ar', 'اشفايلر', 'eschweiler'],
    ['fa', 'در وورزلن', 'wuerselen'],
    ['ru', 'в Штольберге', 'stolberg'],
    ['uk', 'херцогенрат', 'herzogenrath'],
    ['de', 'in Merkstein', 'herzogenrath'],
    ['ar', 'في آخن', 'elsewhere_in_region'],
    ['en', 'in Cologne', 'outside_region'],
    ['ru', 'в телеграме', 'online'],
    ['pl', 'nie wiem', 'unknown'],
  ];
  it.each(places)('[%s] "%s" is %s', (locale, text, place) => {
    expect(reader.parse('place', text, { locale, today })).toEqual({ kind: 'values', values: [place] });
  });

  it('reads yes, no, not sure and "rather not say" for the other questions', () => {
    const parse = (topic: Parameters<typeof reader.parse>[0], text: string, locale: Locale = 'de') =>
      reader.parse(topic, text, { locale, today });
    expect(parse('witnesses', 'nein war allein')).toEqual({ kind: 'values', values: ['no'] });
    expect(parse('supportWanted', 'ja gerne')).toEqual({ kind: 'values', values: ['yes'] });
    expect(parse('safeNow', 'nicht wirklich')).toEqual({ kind: 'values', values: ['no'] });
    expect(parse('reporterRole', 'meinem Sohn')).toEqual({ kind: 'values', values: ['relative_friend'] });
    expect(parse('lifeDomain', 'beim Jobcenter')).toEqual({ kind: 'values', values: ['authorities'] });
    expect(parse('when', 'söylemek istemiyorum', 'tr')).toEqual({ kind: 'declined' });
    expect(parse('witnesses', 'Was heißt das?')).toEqual({ kind: 'unclear' });
  });

  it('takes the facts a story names, so that they are not asked for again', () => {
    const { facts, lifeDomain } = reader.factsInStory('Gestern hat mich im Bus nach Alsdorf ein Mann beschimpft.', {
      locale: 'de',
      today,
    });
    expect(facts).toMatchObject({ whenDate: '2026-11-30', municipality: 'alsdorf' });
    expect(lifeDomain).toBe('public_transport');
    // Two towns: which one is meant is not clear, so neither is taken.
    expect(
      reader.factsInStory('Ich wohne in Stolberg, aber es war in Eschweiler.', { locale: 'de', today }).facts
        .municipality,
    ).toBeUndefined();
  });
});

describe('quick replies and the order of questions', () => {
  it('maps quick replies to codes and refuses what fits nothing', () => {
    expect(applyChoice(emptyDraft, 'when', ['this_month'], ctx)).toMatchObject({
      understood: true,
      draft: { whenYear: 2026, whenMonth: 12 },
    });
    expect(applyChoice(emptyDraft, 'place', ['online'], ctx)).toMatchObject({
      draft: { online: true, municipality: null },
    });
    expect(applyChoice(emptyDraft, 'lifeDomain', ['the_moon'], ctx)).toEqual({ understood: false });
    expect(applyChoice(emptyDraft, 'reporterRole', ['affected', 'witness'], ctx)).toEqual({ understood: false });
    expect(applyChoice(emptyDraft, 'when', ['unknown'], ctx)).toMatchObject({ settles: true });
    expect(applyChoice(emptyDraft, 'safeNow', ['no'], ctx)).toMatchObject({ draft: { safeNow: false } });
  });

  it('asks whether the person is safe before anything else, and the form of racism only when racism was named', () => {
    const draft = { ...emptyDraft, description: 'x', grounds: ['religion' as const] };
    expect(missingTopics(draft, [])[0]).toBe('safeNow');
    expect(missingTopics(draft, [])).not.toContain('racismForms');
    expect(missingTopics({ ...draft, grounds: ['racism'] }, [])).toContain('racismForms');
    expect(missingTopics(draft, ['safeNow', 'when'])[0]).toBe('place');
  });

  it('offers what was read from the story for confirmation, all chosen to begin with', () => {
    const draft = {
      ...emptyDraft,
      description: 'x',
      suggested: { ...emptyDraft.suggested, grounds: ['racism' as const] },
    };
    expect(missingTopics(draft, ['safeNow', 'when', 'place'])[0]).toBe('suggestions');
    expect(questionFor('suggestions', draft, ctx)).toMatchObject({
      kind: 'multi',
      options: [{ value: 'ground:racism' }],
      picked: ['ground:racism'],
    });
    expect(applyChoice(draft, 'suggestions', ['ground:racism'], ctx)).toMatchObject({
      draft: { grounds: ['racism'], suggested: { grounds: [] } },
    });
  });

  it('hands the draft over as form values of the assistant channel, unconfirmed codes apart', () => {
    const values = formValuesFromDraft({
      ...emptyDraft,
      description: 'x',
      whenYear: 2025,
      whenMonth: 4,
      online: true,
      suggested: { ...emptyDraft.suggested, lifeDomain: ['housing'] },
    });
    expect(values).toMatchObject({
      channel: 'assistant',
      whenYear: '2025',
      whenMonth: '4',
      online: true,
      lifeDomain: '',
      inferredCodes: ['life_domain:housing'],
    });
  });
});
