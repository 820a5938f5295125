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
export function ruleReading(text: string): ReturnType<typeof judge> {
  return judge(conceptsOf(text));
}

/**
 * The danger a reporter's message shows, if any: the rules first (they explain themselves), then the
 * classifier for what the rules did not catch. Self-harm outranks acute danger, as it needs other help.
 * Where the rules place what is told in the past, in the news, in someone else's story or in a question
 * about what might happen, and nothing in the present, the classifier's acute reading does not count: the
 * words of danger are there, the danger is not (its self-harm reading always counts). Nor does it count
 * where the lexicons find no word of danger at all: "still" and "every day" belong to ordinary reports of
 * discrimination that goes on as much as to danger, and the classifier alone cannot tell them apart.
 */
export function detectDanger(text: string): Danger | null {
  const concepts = conceptsOf(text);
  return combine(judge(concepts), classify(text, concepts));
}

/** The rules' and the classifier's readings made one (also for evaluating cross-validated models). */
export function combine(
  rules: { danger: Danger | null; distant: boolean; evidence: boolean },
  model: { danger: Danger | null },
): Danger | null {
  if (rules.danger) return rules.danger;
  if (model.danger === 'acute_danger' && (rules.distant || !rules.evidence)) return null;
  return model.danger;
}
