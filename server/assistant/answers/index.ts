import type { AssistantDraft, Topic } from '../../../shared/assistant-draft';
import type { Locale } from '../../../shared/locales';
import { LIFE_DOMAINS, type LifeDomain } from '../../../shared/taxonomy';
import type { Office } from '../../office/schema';
import { tokenise } from '../text/normalise';
import { compileLexicons, type Hits, type PhraseFinder } from '../text/phrases';
import { CHOICES, type ChoiceKey } from './lexicon/choices';
import { DOMAINS } from './lexicon/domains';
import { WHEN, type WhenKey } from './lexicon/when';
import { placeMatcher } from './places';
import { readWhen, type WhenFields } from './when';

/**
 * What a typed reply to one of the fixed questions says: the quick replies' values it stands for, a date,
 * that the person would rather not say, or nothing this parser can read with confidence (then the words
 * are kept, and the question is not pressed). The same answers a button would give, in every language:
 * "gestern", "last week", "اليوم", "ешвайлер", "eschweier".
 */
export type ParsedAnswer =
  | { kind: 'values'; values: string[] }
  | { kind: 'when'; fields: WhenFields }
  | { kind: 'declined' }
  | { kind: 'unclear' };

export interface ParseContext {
  locale: Locale;
  office: Office;
  today: Date;
}

/** A reader for each kind of word, the person's language first and then all the others. */
interface Readers<K extends string> {
  own: Map<Locale | string, PhraseFinder<K>>;
  all: PhraseFinder<K>;
}

function readers<K extends string>(lexicons: Record<string, Partial<Record<K, string[]>>>): Readers<K> {
  return {
    own: new Map(Object.entries(lexicons).map(([locale, lexicon]) => [locale, compileLexicons([lexicon])])),
    all: compileLexicons(Object.values(lexicons)),
  };
}

const when = readers<WhenKey>(WHEN);
const choices = readers<ChoiceKey>(CHOICES);
const domains = readers<LifeDomain>(DOMAINS);

/**
 * The hits of the person's own language when it has any, else of all languages (people switch). A story
 * has too many words for that: one of them is always a word of some other language ("hier" is French for
 * yesterday), so stories are read in the person's language only.
 */
function find<K extends string>(r: Readers<K>, locale: Locale, words: string[], ownOnly = false): Hits<K> {
  const own = r.own.get(locale)?.find(words) ?? new Map();
  return own.size > 0 || ownOnly ? own : r.all.find(words);
}

export function createAnswerReader(office: Office) {
  const places = placeMatcher(office);

  function parse(topic: Topic, text: string, { locale, today }: Omit<ParseContext, 'office'>): ParsedAnswer {
    const words = tokenise(text);
    if (words.length === 0) return { kind: 'unclear' };
    const said = find(choices, locale, words);
    const has = (key: ChoiceKey) => said.has(key);
    const values = (...v: string[]): ParsedAnswer => ({ kind: 'values', values: v });
    const unclear: ParsedAnswer = { kind: 'unclear' };
    if (has('DECLINE')) return { kind: 'declined' };

    switch (topic) {
      case 'when': {
        const reading = readWhen(text, words, find(when, locale, words), today);
        if (reading && 'fields' in reading) return { kind: 'when', fields: reading.fields };
        if (reading) return values(reading.choice);
        return has('UNSURE') ? values('unknown') : unclear;
      }
      case 'place': {
        const place = places.answer(text);
        // "Weiß nicht genau" outweighs a near match, not a town named exactly ("Stolberg, glaube ich").
        if (place && (place.exact || !has('UNSURE'))) return values(place.value);
        return has('UNSURE') ? values('unknown') : unclear;
      }
      case 'lifeDomain': {
        const found = firstOf(find(domains, locale, words), LIFE_DOMAINS);
        return found ? values(found) : unclear;
      }
      case 'reporterRole': {
        for (const [key, role] of [
          ['ORGANISATION', 'organisation'],
          ['RELATIVE', 'relative_friend'],
          ['WITNESS', 'witness'],
          ['AFFECTED', 'affected'],
        ] as const)
          if (has(key)) return values(role);
        return unclear;
      }
      case 'witnesses':
        if (has('UNSURE')) return values('unsure');
        if (has('NO') || has('ALONE')) return values('no');
        if (has('YES') || has('PEOPLE')) return values('yes');
        return unclear;
      case 'supportWanted':
        if (has('LATER') || has('UNSURE')) return unclear;
        if (has('NO')) return values('no');
        if (has('YES')) return values('yes');
        return unclear;
      case 'safeNow':
        if (has('NOT_REALLY') || has('UNSAFE')) return values('no');
        if (has('SO_SO') || has('UNSURE')) return values('unsure');
        if (has('NO')) return values('no');
        if (has('YES') || has('SAFE')) return values('yes');
        return unclear;
      default:
        return unclear;
    }
  }

  /**
   * Facts a story names without doubt, so that they are not asked for again: the town (or online), the day
   * or month, that it is still going on; and a kind of place, offered for confirmation. Only what one
   * reading gives: a story naming two towns names none.
   */
  function factsInStory(text: string, { locale, today }: Omit<ParseContext, 'office'>) {
    const words = tokenise(text);
    const facts: Partial<AssistantDraft> = {};
    const place = places.inStory(text);
    if (place === 'online') facts.online = true;
    else if (place) facts.municipality = place;
    const reading = readWhen(text, words, find(when, locale, words, true), today, { datesFirst: true });
    if (reading && 'fields' in reading) Object.assign(facts, reading.fields);
    else if (reading?.choice === 'ongoing') facts.ongoing = true;
    const domainHits = find(domains, locale, words, true);
    const found = LIFE_DOMAINS.filter((d) => d !== 'other' && domainHits.has(d));
    return { facts, lifeDomain: found.length === 1 ? found[0]! : null };
  }

  /** Whether words correct something said before ("nicht in Stolberg, sondern in Eschweiler", "sorry, I meant"). */
  function corrects(text: string, locale: Locale): boolean {
    return find(choices, locale, tokenise(text)).has('CORRECTION');
  }

  return { parse, factsInStory, corrects };
}
export type AnswerReader = ReturnType<typeof createAnswerReader>;

/** The code named first in the text; codes named at the same place in their list's order. */
function firstOf<K extends string>(hits: Hits<K>, order: readonly K[]): K | null {
  let best: { at: number; code: K } | null = null;
  for (const code of order) {
    const at = hits.get(code)?.[0];
    if (at !== undefined && (best === null || at < best.at)) best = { at, code };
  }
  return best?.code ?? null;
}
