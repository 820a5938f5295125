import type { Candidate, ScanInput } from '../types';
import { allMatches, matchesNear, sticky } from '../scan';

/**
 * Dates of birth: a date right after a birth word in any portal language. Other dates (the incident
 * date, appointments) stay: they are what caseworkers count and identify nobody.
 */
const BIRTH_WORDS =
  '(?:geboren(?:\\s+(?:am|im|in\\s+\\p{L}+\\s+am))?|geb\\.(?:\\s*am)?|geburtsdatum|geburtstag|geb\\.-datum|date of birth|dob|born(?:\\s+on)?|doğum tarihi(?:m)?|doğumlu|doğdum|дата рождения|родил(?:ся|ась)|дата народження|народил(?:ся|ася)|تاريخ الميلاد|تاريخ ميلادي|مواليد|تاریخ تولد|متولد|data urodzenia|urodzon[ya]|urodziłem się|urodziłam się|date de naissance|née?(?:\\s+le)?)';
const MONTHS =
  '(?:jan(?:uar|uary)?|feb(?:ruar|ruary)?|märz|maerz|march|mar|apr(?:il)?|mai|may|jun[ie]?|jul[iy]?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dez(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\\.?';
const DATE = `(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+${MONTHS}\\s+\\d{4}|${MONTHS}\\s+\\d{1,2},?\\s+\\d{4}|(?:19|20)\\d{2})`;
/** "Geburtsdatum meiner Tochter:", "تاریخ تولد من", "date of birth of my son": a possessive between word and date. */
const POSSESSIVE =
  '(?:(?:of\\s+)?my(?:\\s+\\p{L}+)?|mein(?:e[smr]?)?(?:\\s+\\p{L}+)?|من|مال من|моя|мой|мій|моя|mon|ma|mój|moja|benim)';
const DOB_RE = new RegExp(`${BIRTH_WORDS}[\\s:(),]{0,4}(?:${POSSESSIVE}[\\s:(),]{1,4})?(${DATE})(?![\\p{N}])`, 'giu');
const BIRTH_VERBS = '(?:geboren|born|doğdum|родил(?:ся|ась)|народил(?:ся|ася)|urodzon[ya])';
/** "am 7. Juli 1985 geboren": the date before the word. */
const BEFORE_RE = new RegExp(`(${DATE})\\s+${BIRTH_VERBS}`, 'giu');
/** Cheap pre-checks: every match of DOB_RE holds a birth word, every match of BEFORE_RE a birth verb. */
const HAS_BIRTH_WORD_RE = new RegExp(BIRTH_WORDS, 'iu');
const HAS_BIRTH_VERB_RE = new RegExp(BIRTH_VERBS, 'iu');
/** Anchored scan (see matchesNear): a match of DOB_RE starts with its birth word. */
const BIRTH_WORD_ANCHOR_RE = new RegExp(BIRTH_WORDS, 'giu');
const DOB_AT = sticky(DOB_RE);
const startsAtAnchor = (_text: string, q: number): number => q;

export function recognizeDateOfBirth({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  // Every date holds a digit.
  if (!/\d/.test(text) || !HAS_BIRTH_WORD_RE.test(text)) return out;
  for (const m of matchesNear(DOB_AT, text, BIRTH_WORD_ANCHOR_RE, startsAtAnchor)) {
    const date = m[1]!;
    const start = m.index + m[0].length - date.length;
    // A year alone ("ich bin 1990 geboren" is handled by nobody; "geboren 1990") is weak evidence
    // but still narrows a person down in a small town, so it goes too.
    out.push({ type: 'date_of_birth', start, end: start + date.length, score: 0.9 });
  }
  if (!HAS_BIRTH_VERB_RE.test(text)) return out;
  for (const m of allMatches(BEFORE_RE, text)) {
    const date = m[1]!;
    if (/^(19|20)\d{2}$/.test(date)) continue;
    out.push({ type: 'date_of_birth', start: m.index, end: m.index + date.length, score: 0.9 });
  }
  return out;
}
