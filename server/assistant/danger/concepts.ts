import { fold } from './normalise';

/**
 * What the danger check looks for, by meaning rather than by phrase. Each language's lexicon
 * (`lexicon/*.ts`) lists, for each concept, the words and short phrases that express it; the rules
 * (`rules.ts`) combine concepts, and the classifier (`classifier.ts`) weighs them.
 */
export const CONCEPTS = [
  // Time and presence
  'NOW', // right now, at this moment, still (going on)
  'SINCE', // since the station, for an hour: something that began and has not stopped
  'SOON', // tonight, after the shift, tomorrow morning, in an hour
  'STILL_THERE', // they are still there, still standing outside
  'NEAR_HOME', // outside my door, in front of the house, in the stairwell
  // What is being done
  'ATTACK', // hitting, kicking, beating, attacking: present forms
  'ATTACKED', // attacked, beaten: past and passive forms, danger only when said of now
  'FOLLOW', // following me, behind me, coming after me: present forms
  'WAIT', // waiting for me, watching our flat, lying in wait
  'THREAT', // threatens, will kill, you are done, sort you out
  'KILL_ME', // he will kill me: a threat to life said plainly
  'INJURY', // bleeding, broken, injured
  'LOCKED', // locked in, trapped, not let out, cannot get out
  'WEAPON', // knife, gun, bat
  'FIRE', // petrol, smoke, flames, burning now
  'BURN_THREAT', // we will burn you, set fire to
  'UNSAFE', // I am not safe, afraid for my life
  'UNSURE', // German "nicht sicher, ob": not sure, not unsafe
  'NEG', // not, no, never (with SAFE: "I don't feel safe")
  'SAFE', // safe, secure
  'COME', // they will come (to us)
  'SAID', // said, wrote, told me (what was threatened)
  'HIDING', // I am hiding, hid in the toilet
  'AFRAID_OUT', // too scared to leave the flat, to go home
  'HELP', // a cry for help: au secours, ratunku, help!
  'CALL_POLICE', // call the police, someone call
  // Self-harm and suicide
  'SUICIDE', // suicide, kill myself, end my life
  'DIE_WISH', // want to die, not want to live or be here any more, not wake up
  'BURDEN', // without me, a burden
  'BETTER', // better, easier: with BURDEN, "better off without me"
  'FAREWELL', // farewell letters, if I do not answer
  'LETTERS', // letters to my mother and brother: farewell when said with CANT_GO_ON or KNOW_WHY
  'KNOW_WHY', // I just wanted someone to know (why)
  'CANT_GO_ON', // cannot go on, cannot take it any more, no point
  'SELF_INJURY', // cutting myself, burning my arm, hitting my head
  'CUT', // cut, cutting (with BODY: "cutting my arms")
  'BODY', // arm, wrist, skin
  'METHOD', // pills, tablets, bridge, rope
  'READY', // in front of me, here, ready: a means at hand
  // What makes a danger word harmless
  'PAST', // last year, two weeks ago, back in the 90s
  'PAST_REF', // "the men from yesterday": the past names who they are, not when it happens
  'REPORTED', // my grandmother told, he used to tell
  'MEDIA', // on the news, in the paper
  'HYPOTHETICAL', // what should one do if, asking in general
  'IDIOM', // this office is killing me, died laughing
  'REPORTING', // I want to report it (now)
] as const;
export type Concept = (typeof CONCEPTS)[number];

/** A language's words for each concept: phrases of terms separated by spaces. */
export type Lexicon = Partial<Record<Concept, string[]>>;

/**
 * One term of a phrase matches one word. `stem` matches words that begin with it (inflection: "schlag"
 * for schlagen, schlagt), `=word` only that word, `*part` any word containing it (Arabic and Persian glue
 * prefixes and pronouns to the word: يضربوني, بيضربني). `a/b` is either.
 */
type Term = { kind: 'prefix' | 'exact' | 'contains'; text: string }[];

/** A phrase's terms may come in any order, with up to two other words between neighbours. */
interface Phrase {
  terms: Term[];
}

const GAP = 2;

function compileTerm(raw: string): Term {
  return raw.split('/').map((alt) => {
    const marked = alt.startsWith('=') ? 'exact' : alt.startsWith('*') ? 'contains' : 'prefix';
    const text = fold(marked === 'prefix' ? alt : alt.slice(1));
    // A stem of one or two letters would begin half the words of a language: it stands for itself only.
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

export type ConceptHits = Map<Concept, number[]>;

export interface CompiledLexicon {
  find(words: string[]): ConceptHits;
}

/** All languages' lexicons at once: people switch languages mid-sentence, and scripts do not collide. */
export function compileLexicons(lexicons: Lexicon[]): CompiledLexicon {
  const compiled = new Map<Concept, Phrase[]>();
  for (const lexicon of lexicons)
    for (const [concept, phrases] of Object.entries(lexicon) as [Concept, string[]][])
      compiled.set(concept, [...(compiled.get(concept) ?? []), ...phrases.map(compilePhrase)]);
  return {
    find(texts) {
      const words = texts.map((text) => ({ text, bare: text.replace(ARABIC_CONJUNCTION, '') }));
      const hits: ConceptHits = new Map();
      for (const [concept, phrases] of compiled) {
        const at = phrases.flatMap((p) => phraseAt(p, words));
        if (at.length)
          hits.set(
            concept,
            [...new Set(at)].sort((a, b) => a - b),
          );
      }
      return hits;
    },
  };
}
