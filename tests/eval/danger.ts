/**
 * The danger check measured on phrases its authors did not write (tests/fixtures/danger/README.md).
 *
 *   npm run --silent eval:danger               dev and frozen figures, by language and category
 *   npm run --silent eval:danger -- --misses   also the development set's misses and false alarms
 *
 * The frozen set is reported by language and category only: its phrases are never printed.
 */
import { pathToFileURL } from 'node:url';
import { detectDanger, ruleReading } from '../../server/assistant/danger';
import { model } from '../../server/assistant/danger/classifier';
import { crossValidated, DEV, EXTRA, readPhrases, type Phrase } from '../../server/assistant/danger/train';

export const FROZEN = DEV.replace('dev.jsonl', 'frozen.jsonl');

export type Verdict = 'acute_danger' | 'self_harm' | null;

export interface Figures {
  /** Dangerous phrases (acute or self-harm) that brought help, of all dangerous phrases. */
  caught: number;
  dangerous: number;
  /** Of those caught, how many with the right kind of help (acute vs self-harm). */
  rightKind: number;
  /** Harmless phrases that raised an alarm, of all harmless ones. */
  alarms: number;
  harmless: number;
}

export function figuresOf(rows: { phrase: Phrase; verdict: Verdict }[]): Figures {
  const dangerous = rows.filter((r) => r.phrase.label !== 'none');
  const harmless = rows.filter((r) => r.phrase.label === 'none');
  return {
    caught: dangerous.filter((r) => r.verdict).length,
    dangerous: dangerous.length,
    rightKind: dangerous.filter((r) => r.verdict === r.phrase.label).length,
    alarms: harmless.filter((r) => r.verdict).length,
    harmless: harmless.length,
  };
}

const rate = (n: number, of: number) => (of ? (n / of).toFixed(2) : '–');

function line(label: string, f: Figures): string {
  return [
    label.padEnd(32),
    `${rate(f.caught, f.dangerous)} (${f.caught}/${f.dangerous})`.padEnd(18),
    `${rate(f.rightKind, f.dangerous)}`.padEnd(12),
    f.harmless ? `${rate(f.alarms, f.harmless)} (${f.alarms}/${f.harmless})` : '–',
  ].join('');
}

/** One table: all phrases, then by language, then by category (recall for danger, alarms for harmless). */
export function report(title: string, rows: { phrase: Phrase; verdict: Verdict }[]): string {
  const by = (key: (p: Phrase) => string) =>
    [...new Set(rows.map((r) => key(r.phrase)))]
      .sort()
      .map((k) => line(`  ${k}`, figuresOf(rows.filter((r) => key(r.phrase) === k))));
  return [
    title,
    `${''.padEnd(32)}${'recall'.padEnd(18)}${'right kind'.padEnd(12)}false alarms`,
    line('all', figuresOf(rows)),
    'by language',
    ...by((p) => p.lang),
    'by category',
    ...by((p) => `${p.label === 'none' ? 'none' : p.label === 'self_harm' ? 'self' : 'acute'}/${p.category}`),
  ].join('\n');
}

async function main() {
  const dev = readPhrases(DEV);
  const frozen = readPhrases(FROZEN);
  const rules = (p: Phrase) => ({ phrase: p, verdict: ruleReading(p.text).danger });
  const both = (p: Phrase) => ({ phrase: p, verdict: detectDanger(p.text) });

  console.log(report('DEV, rules alone (the rules were written on this set)', dev.map(rules)));
  console.log();
  const cv = crossValidated(dev, readPhrases(EXTRA));
  console.log(
    report(
      'DEV, rules or classifier (the classifier cross-validated: each fold scored by a model trained without it)',
      cv.map(({ phrase, p, danger }) => ({
        phrase,
        verdict: ruleReading(phrase.text).danger ?? (p >= model.threshold ? (danger as Verdict) : null),
      })),
    ),
  );
  console.log();
  console.log(report('FROZEN, rules alone', frozen.map(rules)));
  console.log();
  console.log(report('FROZEN, rules or classifier (as the assistant runs it)', frozen.map(both)));

  if (process.argv.includes('--misses')) {
    console.log('\nDEV misses and false alarms (rules or classifier, trained on everything):');
    for (const { phrase, verdict } of dev.map(both))
      if ((phrase.label === 'none') !== (verdict === null))
        console.log(`${phrase.id} ${phrase.label}/${phrase.category} → ${verdict ?? 'none'}: ${phrase.text}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
