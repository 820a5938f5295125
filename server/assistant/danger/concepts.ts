import type { Hits, Lexicon as PhraseLexicon } from '../text/phrases';

/**
 * What the danger check looks for, by meaning rather than by phrase. Each language's lexicon
 * (`lexicon/*.ts`) lists, for each concept, the words and short phrases that express it (matched as
 * `text/phrases.ts` describes); the rules (`rules.ts`) combine concepts, and the classifier weighs them.
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

/** A language's words for each concept. */
export type Lexicon = PhraseLexicon<Concept>;

/** Where each concept occurs in a text, by word position. */
export type ConceptHits = Hits<Concept>;
