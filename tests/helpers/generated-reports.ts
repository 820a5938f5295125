import type { Kysely } from 'kysely';
import type { Database, NewReportRow } from '../../db/schema';
import {
  effectiveCodesText,
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  OTHER_PLACES,
  RACISM_FORMS,
  REPORTER_ROLES,
} from '../../shared/taxonomy';

export interface GeneratedReport {
  row: NewReportRow;
  /** The reporter's codes, and a caseworker's for a coded report. */
  codes: { coder: 'reporter' | 'caseworker'; dimension: string; code: string }[];
}

const LOCALE_WEIGHTS: [string, number][] = [
  ['de', 0.55],
  ['en', 0.1],
  ['ar', 0.1],
  ['tr', 0.08],
  ['uk', 0.06],
  ['ru', 0.04],
  ['fa', 0.03],
  ['pl', 0.02],
  ['fr', 0.01],
  ['de-LS', 0.01],
];

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Reports as an office might receive them over `years`, with a skew like real data (racism most often, a few
 * large municipalities, some codes rare), so that suppression has small cells to hide. Deterministic per seed.
 */
export function* generatedReports(
  count: number,
  { years, municipalities, seed = 7 }: { years: number[]; municipalities: string[]; seed?: number },
): Generator<GeneratedReport> {
  const rand = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() ** 1.6 * list.length)]!;
  const weighted = (list: [string, number][]) => {
    let r = rand();
    for (const [value, weight] of list) if ((r -= weight) < 0) return value;
    return list[0]![0];
  };
  const places = [...municipalities, ...OTHER_PLACES];
  for (let i = 0; i < count; i++) {
    const year = years[Math.floor(rand() * years.length)]!;
    const day = new Date(Date.UTC(year, 0, 1) + Math.floor(rand() * 365) * 86_400_000).toISOString().slice(0, 10);
    const grounds = new Set([rand() < 0.75 ? 'racism' : pick(GROUNDS)]);
    if (rand() < 0.15) grounds.add(pick(GROUNDS));
    const reporter = [
      ...[...grounds].map((code) => ({ dimension: 'ground', code })),
      ...(grounds.has('racism') && rand() < 0.85 ? [{ dimension: 'racism_form', code: pick(RACISM_FORMS) }] : []),
      ...(rand() < 0.9 ? [{ dimension: 'life_domain', code: pick(LIFE_DOMAINS) }] : []),
      ...(rand() < 0.9 ? [{ dimension: 'incident_form', code: pick(INCIDENT_FORMS) }] : []),
      ...(rand() < 0.2 ? [{ dimension: 'incident_form', code: 'online_hate' }] : []),
      ...(rand() < 0.8 ? [{ dimension: 'reporter_role', code: pick(REPORTER_ROLES) }] : []),
    ].filter((c, k, all) => all.findIndex((d) => d.dimension === c.dimension && d.code === c.code) === k);
    const coded = rand() < 0.3;
    const caseworker = coded
      ? reporter.map((c) => (c.dimension === 'life_domain' && rand() < 0.2 ? { ...c, code: pick(LIFE_DOMAINS) } : c))
      : [];
    const channel = rand() < 0.7 ? 'form' : rand() < 0.66 ? 'assistant' : 'staff';
    yield {
      row: {
        receipt_hash: `generated-${seed}-${i}`,
        status: rand() < 0.05 ? 'rejected' : rand() < 0.5 ? 'closed' : 'in_progress',
        channel,
        locale: weighted(LOCALE_WEIGHTS),
        description: 'Generierter Bericht',
        consequences: '',
        municipality: rand() < 0.85 ? pick(places) : null,
        online: rand() < 0.12 ? 1 : 0,
        when_precision: 'unknown',
        when_value: null,
        ongoing: 0,
        witnesses: null,
        support_wanted: 0,
        received_on: day,
        updated_at: `${day}T12:00:00.000Z`,
        coded_on: coded ? day : null,
        received_via: channel === 'staff' ? 'phone' : null,
        effective_codes: effectiveCodesText(coded ? caseworker : reporter),
      },
      codes: [
        ...reporter.map((c) => ({ coder: 'reporter' as const, ...c })),
        ...caseworker.map((c) => ({ coder: 'caseworker' as const, ...c })),
      ],
    };
  }
}

/** Inserts generated reports through Kysely (a few thousand: for browser tests and screenshots). */
export async function insertGeneratedReports(db: Kysely<Database>, reports: Iterable<GeneratedReport>) {
  for (const { row, codes } of reports) {
    const { id } = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
    if (codes.length)
      await db
        .insertInto('report_codes')
        .values(codes.map((c) => ({ report_id: id, ...c })))
        .execute();
  }
}
