import { PLACE_WORDS } from '../gazetteers/words';
import { kindOfOrganisation } from '../organisations';
import { viewTokens } from '../tagger/features';
import { emissions, TAGS, viterbi, type Weights } from '../tagger/model';
import { tagTokens, type TagToken } from '../tagger/tokens';
import { CUE_WORDS } from '../tagger/cues';
import { parseWeights } from '../tagger/weights-format';
import { TAGGER_WEIGHTS } from '../tagger/weights';
import type { Candidate, ScanInput } from '../types';
import { recognizeName } from './name';
import { recognizeWorkplace } from './workplace';

/**
 * Person names and organisations that identify people, by the token classifier (tagger/). The older
 * rule-based recognizers for names and workplaces run first; what they say is one feature among many.
 */
let weights: Weights | undefined;
function loadedWeights(): Weights {
  // Parsed on first use, so that a process that never anonymises pays nothing.
  return (weights ??= parseWeights(TAGGER_WEIGHTS));
}

/** Per token, what the rules said: 'n' inside a name they found, 'o' inside a workplace name. */
export function ruleHints(input: ScanInput, tokens: readonly TagToken[], cued: Candidate[] = []): string[] {
  const hints = new Array<string>(tokens.length).fill('');
  const mark = (cands: Candidate[], hint: string) => {
    let k = 0;
    for (const c of cands.sort((a, b) => a.start - b.start)) {
      while (k < tokens.length && tokens[k]!.end <= c.start) k++;
      for (let j = k; j < tokens.length && tokens[j]!.start < c.end; j++) if (!hints[j]) hints[j] = hint;
    }
  };
  mark(recognizeWorkplace(input), 'o');
  const names = recognizeName(input);
  mark(names, 'n');
  // A name right after a title or a naming phrase ("Mr. Franzen", "heißt Karim") is kept even where the
  // classifier doubts it; below the classifier's own spans, which win where both found something.
  for (const c of names) if (c.score >= CUED_NAME_SCORE) cued.push({ ...c, score: 0.55 });
  return hints;
}

/** The rule-based recognizer's score for a name after a title or naming phrase. */
const CUED_NAME_SCORE = 0.65;

/** A Turkish case ending or English possessive after an apostrophe is not part of the name: "Ayşe'nin". */
const SUFFIX_AFTER_APOSTROPHE_RE = /['’](?:\p{Ll}{1,5})$/u;

/**
 * How sure the classifier must be: a span is kept when its tokens score, on average, this much higher as
 * the tags it got than as "outside". Set on the development sets (dev2 and the old dev split) for few
 * wrong removals at little cost in names found.
 */
export const TAGGER_MARGIN = { value: -2.5 };

export function recognizeTagged(input: ScanInput): Candidate[] {
  const tokens = tagTokens(input.text);
  if (tokens.length === 0) return [];
  const w = loadedWeights();
  const cued: Candidate[] = [];
  const views = viewTokens(tokens, ruleHints(input, tokens, cued));
  const scores = emissions(views, input.locale, w);
  const tags = viterbi(scores, tokens.length, w.transitions);
  const out: Candidate[] = cued;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag !== 1 && tag !== 3) continue;
    let j = i;
    while (j + 1 < tags.length && tags[j + 1] === tag + 1) j++;
    let last = j;
    // Punctuation at the end of a span belongs to the sentence ("Kofi's African Market." keeps its dot).
    while (last > i && /^[^\p{L}\p{N}]$/u.test(tokens[last]!.text) && !/^\p{L}$/u.test(tokens[last - 1]!.text)) last--;
    // A span never runs over the end of a sentence ("Imbiss. Der Imbiss"), except after an abbreviation.
    for (let k = i + 1; k <= last; k++) {
      const t = tokens[k]!;
      const next = tokens[k + 1];
      if (
        /^[.!?]$/.test(t.text) &&
        next &&
        next.start > t.end &&
        !/^(?:\p{L}|Dr|St|Nr|Str|e|V|Co|jun|sen)$/u.test(tokens[k - 1]!.text)
      ) {
        last = k - 1;
        j = Math.min(j, k - 1);
        break;
      }
    }
    // A span of digits or signs alone is no name.
    if (!tokens.slice(i, last + 1).some((t) => /\p{L}/u.test(t.text))) {
      i = j;
      continue;
    }
    // A title or naming word at the edge of a name stays in the text ("Frau [Name]", "mit Nachnamen [Name]").
    let from = i;
    if (tag === 1) {
      while (from < last && CUE_WORDS.has(tokens[from]!.text.toLowerCase())) from++;
      while (last > from && CUE_WORDS.has(tokens[last]!.text.toLowerCase())) last--;
    }
    let margin = 0;
    for (let k = from; k <= last; k++) margin += scores[k * TAGS.length + tags[k]!]! - scores[k * TAGS.length]!;
    if (margin / (last - from + 1) < TAGGER_MARGIN.value) {
      i = j;
      continue;
    }
    let end = tokens[last]!.end;
    const start = tokens[from]!.start;
    if (tag === 1) {
      const suffix = SUFFIX_AFTER_APOSTROPHE_RE.exec(tokens[last]!.text);
      if (suffix) end -= suffix[0].length;
      out.push({ type: 'name', start, end, score: 0.6 });
    } else {
      // A municipality written right after the name belongs to it ("Fit-Point Herzogenrath"; "Power Gym
      // Alsdorf'ta" without the Turkish case ending); after "in" it says where the place is, and stays.
      const next = tokens[last + 1];
      if (next && next.start === end + 1 && input.text[end] === ' ' && !/\d$/.test(tokens[last]!.text)) {
        const bareNext = next.text.replace(/['’]\p{Ll}+$/u, '');
        if (PLACE_WORDS.has(bareNext)) {
          end = next.start + bareNext.length;
          j = Math.max(j, last + 1);
        }
      }
      out.push({
        type: 'organisation',
        start,
        end,
        score: 0.62,
        kind: kindOfOrganisation(input.text.slice(start, end)),
      });
    }
    i = j;
  }
  return out;
}
