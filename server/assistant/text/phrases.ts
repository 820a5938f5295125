import { fold } from './normalise';

/**
 * Words and short phrases, matched the way people write them: each term is a stem, so inflections match
 * ("schlag" for schlagen, schlagt); a phrase's terms may come in any order, with up to two other words
 * between neighbours. `=word` matches only that word, `*part` any word containing it (Arabic and Persian
 * glue prefixes and pronouns to the word: يضربوني، بيضربني), `a/b` either. A stem of one or two letters
 * stands for itself only, or it would begin half the words of a language.
 */
export type Lexicon<K extends string> = Partial<Record<K, string[]>>;

type Term = { kind: 'prefix' | 'exact' | 'contains'; text: string }[];

interface Phrase {
  terms: Term[];
}

const GAP = 2;

function compileTerm(raw: string): Term {
  return raw.split('/').map((alt) => {
    const marked = alt.startsWith('=') ? 'exact' : alt.startsWith('*') ? 'contains' : 'prefix';
    const text = fold(marked === 'prefix' ? alt : alt.slice(1));
    const kind = marked === 'prefix' && text.length <= 2 ? 'exact' : marked;
    return { kind, text };
  });
}

function compilePhrase(raw: string): Phrase {
  return { terms: raw.trim().split(/\s+/).map(compileTerm) };
}

const ARABIC_CONJUNCTION = /^[وف](?=\p{Script=Arabic}{2})/u;

/** A word as typed, and without a glued Arabic "and" (و، ف): وما عم يخلوني is ما عم يخلوني. */
interface Word {
  text: string;
  bare: string;
}

function termMatches(term: Term, { text, bare }: Word): boolean {
  return term.some((alt) =>
    alt.kind === 'exact'
      ? text === alt.text || bare === alt.text
      : alt.kind === 'prefix'
        ? text.startsWith(alt.text) || bare.startsWith(alt.text)
        : text.includes(alt.text),
  );
}

/** Where a phrase occurs: the position of its first term, if all its terms fit within the allowed span. */
function phraseAt(phrase: Phrase, words: Word[]): number[] {
  const [first, ...rest] = phrase.terms;
  if (!first) return [];
  const span = phrase.terms.length + GAP * (phrase.terms.length - 1);
  const hits: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!termMatches(first, words[i]!)) continue;
    const lo = Math.max(0, i - span + 1);
    const hi = Math.min(words.length - 1, i + span - 1);
    const used = new Set([i]);
    // Each further term takes the nearest free word that fits, so that a far one does not stretch the span.
    const ok = rest.every((term) => {
      for (let d = 1; d < span; d++) {
        for (const j of [i + d, i - d]) {
          if (j >= lo && j <= hi && !used.has(j) && termMatches(term, words[j]!)) {
            used.add(j);
            return true;
          }
        }
      }
      return false;
    });
    if (ok && Math.max(...used) - Math.min(...used) < span) hits.push(i);
  }
  return hits;
}

/** For each key, where in the words its phrases occur. */
export type Hits<K extends string> = Map<K, number[]>;

export interface PhraseFinder<K extends string> {
  find(words: string[]): Hits<K>;
}

/** Several lexicons at once: people switch languages mid-sentence, and scripts do not collide. */
export function compileLexicons<K extends string>(lexicons: Lexicon<K>[]): PhraseFinder<K> {
  const compiled = new Map<K, Phrase[]>();
  for (const lexicon of lexicons)
    for (const [key, phrases] of Object.entries(lexicon) as [K, string[]][])
      compiled.set(key, [...(compiled.get(key) ?? []), ...phrases.map(compilePhrase)]);
  return {
    find(texts) {
      const words = texts.map((text) => ({ text, bare: text.replace(ARABIC_CONJUNCTION, '') }));
      const hits: Hits<K> = new Map();
      for (const [key, phrases] of compiled) {
        const at = phrases.flatMap((p) => phraseAt(p, words));
        if (at.length)
          hits.set(
            key,
            [...new Set(at)].sort((a, b) => a - b),
          );
      }
      return hits;
    },
  };
}
