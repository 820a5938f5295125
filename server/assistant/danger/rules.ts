import type { Concept, ConceptHits } from './concepts';

export type Danger = 'acute_danger' | 'self_harm';

/** How close (in words) an idiom's word must be to void a danger word: "diese Behörde bringt mich noch um". */
const IDIOM_REACH = 4;
/** "Ich will das jetzt melden": a "now" next to reporting is about the report, not the danger. */
const REPORTING_REACH = 3;
/** What an idiom can explain away; never a word about ending one's life. */
const VOIDED_BY_IDIOM = new Set<Concept>(['KILL_ME', 'THREAT', 'ATTACK', 'INJURY']);

/** The concepts that speak of a danger itself, not of its time or place: some must be there for an alarm. */
const EVIDENCE: Concept[] = [
  'ATTACK',
  'ATTACKED',
  'FOLLOW',
  'WAIT',
  'THREAT',
  'KILL_ME',
  'INJURY',
  'LOCKED',
  'WEAPON',
  'FIRE',
  'BURN_THREAT',
  'UNSAFE',
  'HIDING',
  'AFRAID_OUT',
  'HELP',
  'CALL_POLICE',
  'SAFE',
  'COME',
];

/**
 * The rules over the concepts a message contains. They read meaning, not phrases: a danger concept counts
 * when it is said of now or of later today, or when nothing places it in the past, in a story someone told,
 * in the news or in a general question. What counts for self-harm is never explained away: a person who
 * speaks of ending their life gets the helplines, whatever else they say.
 */
export function judge(hits: ConceptHits): {
  danger: Danger | null;
  reasons: string[];
  distant: boolean;
  /** Whether any word of danger itself is there (for the classifier's reading, see `index.ts`). */
  evidence: boolean;
} {
  const idioms = hits.get('IDIOM') ?? [];
  const reporting = hits.get('REPORTING') ?? [];
  const at = (concept: Concept): number[] => {
    const positions = hits.get(concept) ?? [];
    if (concept === 'NOW') {
      // "Now I am safe", "jetzt ist alles gut": a now that says the danger is over.
      const over = [...reporting, ...(hits.get('RESOLVED') ?? [])];
      // "Just wondering": a now-word that is part of a question's phrase.
      const asking = hits.get('HYPOTHETICAL') ?? [];
      return positions.filter((p) => !over.some((r) => Math.abs(r - p) <= REPORTING_REACH) && !asking.includes(p));
    }
    if (concept === 'UNSAFE') {
      // "Not sure whether", and "I am not in danger": a danger word denied just before it.
      const unsure = hits.get('UNSURE') ?? [];
      const denied = hits.get('NEG') ?? [];
      return positions.filter((p) => !unsure.includes(p) && !denied.some((n) => p - n >= 1 && p - n <= 2));
    }
    if (concept === 'PAST') {
      const references = hits.get('PAST_REF') ?? [];
      return positions.filter((p) => !references.some((r) => p - r >= 0 && p - r <= 2));
    }
    if (!VOIDED_BY_IDIOM.has(concept)) return positions;
    return positions.filter((p) => !idioms.some((i) => Math.abs(i - p) <= IDIOM_REACH));
  };
  const has = (...concepts: Concept[]) => concepts.some((c) => at(c).length > 0);
  const near = (a: Concept, b: Concept, reach: number) =>
    at(a).some((p) => at(b).some((q) => Math.abs(p - q) <= reach));

  const self: string[] = [];
  if (has('SUICIDE')) self.push('suicide');
  if (has('DIE_WISH')) self.push('wish to die');
  if (has('SELF_INJURY')) self.push('self-injury');
  if (near('CUT', 'BODY', 4) && !has('ATTACK', 'WEAPON')) self.push('cutting');
  if (has('BURDEN') && has('BETTER')) self.push('better off without me');
  if (has('BURDEN') && has('CANT_GO_ON')) self.push('a burden and no way on');
  // "Nobody would notice if I disappeared": one's own absence imagined as no loss.
  if (has('VANISH') && has('NOTICE', 'BURDEN', 'BETTER', 'CANT_GO_ON', 'DIE_WISH')) self.push('gone and not missed');
  if (near('JUMP', 'HEIGHT', 5) && has('THINK_OF', 'CANT_GO_ON', 'DIE_WISH', 'READY') && !has('REPORTED', 'MEDIA'))
    self.push('thinking of jumping');
  if (has('FAREWELL')) self.push('farewell');
  if (has('LETTERS') && has('CANT_GO_ON', 'KNOW_WHY', 'DIE_WISH')) self.push('letters and no way on');
  if (has('METHOD') && has('CANT_GO_ON', 'DIE_WISH', 'BURDEN', 'READY')) self.push('a means and no way on');
  // Hopelessness said twice over ("I can't go on … I don't see the point") is not a bad day.
  if (new Set(at('CANT_GO_ON').map((p) => Math.floor(p / 4))).size >= 2) self.push('no way on, twice');
  const evidence = EVIDENCE.some((c) => hits.has(c));
  if (self.length) return { danger: 'self_harm', reasons: self, distant: false, evidence };

  // A question about what might happen ("if someone follows me, may I call the police?") is no cry for help.
  const hypothetical = has('HYPOTHETICAL') || near('IF', 'SOMEONE', 2);
  // Said of now or later today: this outweighs any sign of the past or of distance.
  const present = has('NOW', 'SINCE', 'SOON') || (has('HELP', 'CALL_POLICE') && !hypothetical);
  const told = has('REPORTED', 'MEDIA') || hypothetical;
  const distant = told || has('PAST', 'RESOLVED');
  const current = (...concepts: Concept[]) => has(...concepts) && (present || !distant);

  const acute: string[] = [];
  if (current('UNSAFE')) acute.push('not safe');
  if (near('NEG', 'SAFE', 4) && !has('UNSURE') && !hypothetical) acute.push('not safe');
  if (current('HIDING')) acute.push('hiding');
  if (has('AFRAID_OUT') && has('STILL_THERE', 'NOW', 'FOLLOW', 'WAIT', 'NEAR_HOME', 'SINCE'))
    acute.push('afraid to leave');
  if (current('LOCKED')) acute.push('locked in');
  if (current('WEAPON')) acute.push('weapon');
  if (current('FIRE')) acute.push('fire');
  if (has('BURN_THREAT') && (has('SOON', 'NOW') || (!told && (has('FIRE', 'NEAR_HOME') || !distant))))
    acute.push('threat of arson');
  if (current('ATTACK')) acute.push('attack');
  if (has('ATTACKED') && has('NOW', 'HELP', 'CALL_POLICE') && !distant) acute.push('attacked now');
  if (current('FOLLOW')) acute.push('followed');
  if (has('WAIT') && has('NEAR_HOME', 'NOW', 'SINCE', 'STILL_THERE', 'SOON') && (present || !distant))
    acute.push('waited for');
  if (has('SOON') && (has('THREAT', 'KILL_ME', 'ATTACK', 'BURN_THREAT') || (has('COME') && has('SAID'))) && !told)
    acute.push('threat for later today');
  // "They said they will come back later and teach me a lesson."
  if (has('LATER') && has('COME') && has('THREAT') && !told) acute.push('threat for later today');
  if (has('THREAT') && has('NOW', 'STILL_THERE', 'NEAR_HOME', 'HELP', 'CALL_POLICE') && (present || !distant))
    acute.push('threatened now');
  if (current('KILL_ME')) acute.push('threat to life');
  if (has('INJURY') && has('STILL_THERE', 'NOW', 'HELP', 'CALL_POLICE', 'ATTACK') && (present || !distant))
    acute.push('injured, attackers near');
  if (has('HELP', 'CALL_POLICE') && has('INJURY', 'THREAT', 'FOLLOW', 'WAIT', 'STILL_THERE') && !hypothetical)
    acute.push('cry for help');
  return { danger: acute.length ? 'acute_danger' : null, reasons: acute, distant: distant && !present, evidence };
}
