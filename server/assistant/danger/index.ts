import { compileLexicons } from '../text/phrases';
import type { Concept, ConceptHits } from './concepts';
import { ar } from './lexicon/ar';
import { de } from './lexicon/de';
import { en } from './lexicon/en';
import { fa } from './lexicon/fa';
import { fr } from './lexicon/fr';
import { pl } from './lexicon/pl';
import { ru } from './lexicon/ru';
import { tr } from './lexicon/tr';
import { uk } from './lexicon/uk';
import { tokenise } from '../text/normalise';
import { classify } from './classifier';
import { judge, type Danger } from './rules';

export type { Danger } from './rules';

const lexicon = compileLexicons<Concept>([de, en, tr, ar, ru, uk, fa, pl, fr]);

/** A message that opens with a cry for help ("Hilfe, …", "help, my dad …") says it before anything else. */
const CRIES = new Set([
  'hilfe',
  'help',
  'ratunku',
  'pomocy',
  'помогите',
  'допоможіть',
  'рятуйте',
  'imdat',
  'ساعدوني',
  'النجده',
  'كمك',
  'secours',
]);

/** The concepts a text contains, by word position. */
export function conceptsOf(text: string): ConceptHits {
  const words = tokenise(text);
  const hits = lexicon.find(words);
  if (CRIES.has(words[0] ?? '') || (words[0] === 'au' && words[1] === 'secours'))
    hits.set('HELP', [0, ...(hits.get('HELP') ?? [])]);
  // A year ("in 2022", "2022'de", "سنة ٢٠٢٢") places what is told in the past, in every language alike.
  const years = words.flatMap((w, i) => (/^(19|20)\d\d/.test(w) && /^\d{4}(\D|$)/.test(w) ? [i] : []));
  if (years.length)
    hits.set(
      'PAST',
      [...(hits.get('PAST') ?? []), ...years].sort((a, b) => a - b),
    );
  return hits;
}

/** The rules' reading of a text, with the reasons (for evaluation and tests, never logged with the text). */
export function ruleReading(text: string): { danger: Danger | null; reasons: string[] } {
  return judge(conceptsOf(text));
}

/**
 * The danger a reporter's message shows, if any: the rules first (they explain themselves), then the
 * classifier for what the rules did not catch. Self-harm outranks acute danger, as it needs other help.
 */
export function detectDanger(text: string): Danger | null {
  const concepts = conceptsOf(text);
  const rules = judge(concepts);
  if (rules.danger === 'self_harm') return rules.danger;
  const model = classify(text, concepts);
  if (model.danger === 'self_harm' && rules.danger === null) return model.danger;
  return rules.danger ?? model.danger;
}
