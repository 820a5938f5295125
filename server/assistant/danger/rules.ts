import type { Concept, ConceptHits } from './concepts';

export type Danger = 'acute_danger' | 'self_harm';

/** How close (in words) an idiom's word must be to void a danger word: "diese Behörde bringt mich noch um". */
const IDIOM_REACH = 4;
/** "Ich will das jetzt melden": a "now" next to reporting is about the report, not the danger. */
const REPORTING_REACH = 3;
/** What an idiom can explain away; never a word about ending one's life. */
const VOIDED_BY_IDIOM = new Set<Concept>(['KILL_ME', 'THREAT', 'ATTACK', 'INJURY']);

/**
 * The rules over the concepts a message contains. They read meaning, not phrases: a danger concept counts
 * when it is said of now or of later today, or when nothing places it in the past, in a story someone told,
 * in the news or in a general question. What counts for self-harm is never explained away: a person who
 * speaks of ending their life gets the helplines, whatever else they say.
 */
export function judge(hits: ConceptHits): { danger: Danger | null; reasons: string[] } {
  const idioms = hits.get('IDIOM') ?? [];
  const reporting = hits.get('REPORTING') ?? [];
  const at = (concept: Concept): number[] => {
    const positions = hits.get(concept) ?? [];
    if (concept === 'NOW') return positions.filter((p) => !reporting.some((r) => Math.abs(r - p) <= REPORTING_REACH));
    if (concept === 'UNSAFE') {
      const unsure = hits.get('UNSURE') ?? [];
      return positions.filter((p) => !unsure.includes(p));
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
  if (has('FAREWELL')) self.push('farewell');
  if (has('LETTERS') && has('CANT_GO_ON', 'KNOW_WHY', 'DIE_WISH')) self.push('letters and no way on');
  if (has('METHOD') && has('CANT_GO_ON', 'DIE_WISH', 'BURDEN', 'READY')) self.push('a means and no way on');
  // Hopelessness said twice over ("I can't go on … I don't see the point") is not a bad day.
  if (new Set(at('CANT_GO_ON').map((p) => Math.floor(p / 4))).size >= 2) self.push('no way on, twice');
  if (self.length) return { danger: 'self_harm', reasons: self };

  // Said of now or later today: this outweighs any sign of the past or of distance.
  const present = has('NOW', 'SINCE', 'SOON', 'HELP', 'CALL_POLICE');
  const distant = has('PAST', 'REPORTED', 'MEDIA', 'HYPOTHETICAL');
  const current = (...concepts: Concept[]) => has(...concepts) && (present || !distant);

  const acute: string[] = [];
  if (current('UNSAFE')) acute.push('not safe');
  if (near('NEG', 'SAFE', 4) && !has('UNSURE', 'HYPOTHETICAL')) acute.push('not safe');
  if (current('HIDING')) acute.push('hiding');
  if (has('AFRAID_OUT') && has('STILL_THERE', 'NOW', 'FOLLOW', 'WAIT', 'NEAR_HOME', 'SINCE'))
    acute.push('afraid to leave');
  if (current('LOCKED')) acute.push('locked in');
  if (current('WEAPON')) acute.push('weapon');
  if (current('FIRE')) acute.push('fire');
  if (
    has('BURN_THREAT') &&
    (has('SOON', 'NOW') || (!has('REPORTED', 'MEDIA', 'HYPOTHETICAL') && (has('FIRE', 'NEAR_HOME') || !distant)))
  )
    acute.push('threat of arson');
  if (current('ATTACK')) acute.push('attack');
  if (has('ATTACKED') && has('NOW', 'HELP', 'CALL_POLICE') && !distant) acute.push('attacked now');
  if (current('FOLLOW')) acute.push('followed');
  if (has('WAIT') && has('NEAR_HOME', 'NOW', 'SINCE', 'STILL_THERE', 'SOON') && (present || !distant))
    acute.push('waited for');
  if (
    has('SOON') &&
    (has('THREAT', 'KILL_ME', 'ATTACK', 'BURN_THREAT') || (has('COME') && has('SAID'))) &&
    !has('REPORTED', 'MEDIA', 'HYPOTHETICAL')
  )
    acute.push('threat for later today');
  if (has('THREAT') && has('NOW', 'STILL_THERE', 'NEAR_HOME', 'HELP', 'CALL_POLICE')) acute.push('threatened now');
  if (current('KILL_ME')) acute.push('threat to life');
  if (has('INJURY') && has('STILL_THERE', 'NOW', 'HELP', 'CALL_POLICE', 'ATTACK'))
    acute.push('injured, attackers near');
  if (has('HELP', 'CALL_POLICE') && has('INJURY', 'THREAT', 'FOLLOW', 'WAIT', 'STILL_THERE'))
    acute.push('cry for help');
  return { danger: acute.length ? 'acute_danger' : null, reasons: acute };
}
