/**
 * The scripted interview's reading of typed answers, measured on answers written by someone who had not
 * seen the parser (tests/fixtures/scripted-answers/README.md). Relative dates are meant against 2026-12-01.
 *
 *   npm run --silent eval:scripted               dev and held-out figures, by language and topic
 *   npm run --silent eval:scripted -- --misses   also the dev answers read wrongly
 *
 * The held-out part is reported by language and topic only: its answers are never printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Topic } from '../../shared/assistant-draft';
import type { Locale } from '../../shared/locales';
import { createAnswerReader, type ParsedAnswer } from '../../server/assistant/answers';
import { officeSchema } from '../../server/office/schema';
import staedteregionAachen from '../../server/office/staedteregion-aachen.json';

export interface TypedAnswer {
  id: string;
  lang: Locale;
  topic: Topic;
  text: string;
  expected: Record<string, unknown>;
}

const DIR = path.resolve(import.meta.dirname, '../fixtures/scripted-answers');
export const TODAY = new Date('2026-12-01T10:00:00Z');

export function readAnswers(split: 'dev' | 'held-out'): TypedAnswer[] {
  return fs
    .readFileSync(path.join(DIR, `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TypedAnswer);
}

const reader = createAnswerReader(officeSchema.parse(staedteregionAachen));

export function parse(a: TypedAnswer): ParsedAnswer {
  return reader.parse(a.topic, a.text, { locale: a.lang, today: TODAY });
}

/** Whether the reading is what the writer meant. "Unclear" must not be guessed at. */
export function isRight(a: TypedAnswer, got: ParsedAnswer): boolean {
  const e = a.expected;
  const value = got.kind === 'values' ? got.values[0] : undefined;
  if (e.unclear) return got.kind === 'unclear' || (a.topic === 'safeNow' && value === 'unsure');
  if (e.skip) return got.kind === 'declined';
  if ('date' in e) return got.kind === 'when' && got.fields.whenDate === e.date;
  if ('year' in e)
    return got.kind === 'when' && got.fields.whenYear === e.year && got.fields.whenMonth === (e.month ?? null);
  if ('choice' in e) return value === e.choice;
  if ('place' in e) return value === e.place;
  if ('supportWanted' in e) return value === (e.supportWanted ? 'yes' : 'no');
  if ('safe' in e) return value === (e.safe ? 'yes' : 'no');
  const [field] = Object.keys(e);
  return value === e[field!];
}

function table(title: string, answers: TypedAnswer[]): string {
  const rows = answers.map((a) => ({ a, ok: isRight(a, parse(a)) }));
  const line = (label: string, subset: typeof rows) => {
    const right = subset.filter((r) => r.ok).length;
    return `${label.padEnd(16)}${(right / subset.length).toFixed(2)} (${right}/${subset.length})`;
  };
  const by = (key: (a: TypedAnswer) => string) =>
    [...new Set(answers.map(key))].sort().map((k) =>
      line(
        `  ${k}`,
        rows.filter((r) => key(r.a) === k),
      ),
    );
  return [title, line('all', rows), 'by language', ...by((a) => a.lang), 'by topic', ...by((a) => a.topic)].join('\n');
}

async function main() {
  const dev = readAnswers('dev');
  console.log(table('DEV (the parser was tuned on these)', dev));
  console.log();
  console.log(table('HELD-OUT (every third answer per language and topic; never tuned on)', readAnswers('held-out')));
  if (process.argv.includes('--misses')) {
    console.log('\nDEV answers read wrongly:');
    for (const a of dev) {
      const got = parse(a);
      if (!isRight(a, got)) console.log(`${a.id} ${JSON.stringify(a.expected)} ← ${JSON.stringify(got)}: ${a.text}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
