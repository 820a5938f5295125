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

/** Whether a phrase occurs with its first term at word `i`, all its terms within the allowed span. */
function phraseAt(phrase: Phrase, words: Word[], i: number): boolean {
  const [first, ...rest] = phrase.terms;
  if (!first || !termMatches(first, words[i]!)) return false;
  const span = phrase.terms.length + GAP * (phrase.terms.length - 1);
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
  return ok && Math.max(...used) - Math.min(...used) < span;
}

/** The first two letters of what a term begins with: phrases are looked up by them, not tried one by one. */
const keyOf = (text: string) => text.slice(0, 2);

/** For each key, where in the words its phrases occur. */
export type Hits<K extends string> = Map<K, number[]>;

export interface PhraseFinder<K extends string> {
  find(words: string[]): Hits<K>;
}

/** Several lexicons at once: people switch languages mid-sentence, and scripts do not collide. */
export function compileLexicons<K extends string>(lexicons: Lexicon<K>[]): PhraseFinder<K> {
  // Phrases whose first term is a stem or a word, by its first two letters; those matching a part of a word apart.
  const byStart = new Map<string, { key: K; phrase: Phrase }[]>();
  const anywhere: { key: K; phrase: Phrase }[] = [];
  for (const lexicon of lexicons)
    for (const [key, phrases] of Object.entries(lexicon) as [K, string[]][])
      for (const raw of phrases) {
        const phrase = compilePhrase(raw);
        const first = phrase.terms[0] ?? [];
        if (first.some((alt) => alt.kind === 'contains')) anywhere.push({ key, phrase });
        else
          for (const start of new Set(first.map((alt) => keyOf(alt.text))))
            byStart.set(start, [...(byStart.get(start) ?? []), { key, phrase }]);
      }
  return {
    find(texts) {
      const words = texts.map((text) => ({ text, bare: text.replace(ARABIC_CONJUNCTION, '') }));
      const found = new Map<K, Set<number>>();
      words.forEach((word, i) => {
        const candidates = new Set([
          ...(byStart.get(keyOf(word.text)) ?? []),
          ...(byStart.get(keyOf(word.bare)) ?? []),
          ...anywhere,
        ]);
        for (const { key, phrase } of candidates)
          if (phraseAt(phrase, words, i)) found.set(key, (found.get(key) ?? new Set()).add(i));
      });
      const hits: Hits<K> = new Map();
      for (const [key, at] of found)
        hits.set(
          key,
          [...at].sort((a, b) => a - b),
        );
      return hits;
    },
  };
}
