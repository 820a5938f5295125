import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { fixedClock } from '../../server/clock';
import { createStatsAggregates } from '../../server/stats/aggregates';
import type { OneWayTable, StatisticsTable, TwoWayTable } from '../../shared/stats-views';
import { createStatsService, type StatsService } from '../../server/stats/service';
import { effectiveCodesText } from '../../shared/taxonomy';
import { createPostgresDatabase, nodeBackends } from '../helpers/backends';

/**
 * A hand-computed data set: every figure below was counted by hand from these rows, not by the code under test.
 * Codes per report: [dimension, code] of the reporter; `caseworker` when a caseworker recoded it.
 */
interface Row {
  day: string;
  status?: string;
  channel?: string;
  locale?: string;
  municipality?: string | null;
  online?: boolean;
  codes: [string, string][];
  caseworker?: [string, string][];
}
const affectedHousingInsult: [string, string][] = [
  ['ground', 'racism'],
  ['racism_form', 'anti_black'],
  ['life_domain', 'housing'],
  ['incident_form', 'insult_harassment'],
  ['reporter_role', 'affected'],
];
const ROWS: Row[] = [
  // First day of 2025: two grounds, so it counts under each and once in the totals.
  {
    day: '2025-01-01',
    municipality: 'alsdorf',
    codes: [
      ['ground', 'racism'],
      ['ground', 'religion'],
      ['racism_form', 'anti_muslim'],
      ['life_domain', 'housing'],
      ['incident_form', 'insult_harassment'],
      ['reporter_role', 'affected'],
    ],
  },
  // Last day of 2025, assistant, Arabic, a place and online, two incident forms.
  {
    day: '2025-12-31',
    channel: 'assistant',
    locale: 'ar',
    municipality: 'eschweiler',
    online: true,
    codes: [
      ['ground', 'racism'],
      ['racism_form', 'anti_black'],
      ['life_domain', 'public_transport'],
      ['incident_form', 'insult_harassment'],
      ['incident_form', 'threat'],
      ['reporter_role', 'witness'],
    ],
  },
  // Last day of 2024 and first of 2026: outside the year.
  {
    day: '2024-12-31',
    municipality: 'alsdorf',
    codes: [
      ['ground', 'racism'],
      ['racism_form', 'anti_black'],
      ['life_domain', 'public_space'],
      ['incident_form', 'physical_attack'],
      ['reporter_role', 'affected'],
    ],
  },
  { day: '2026-01-01', municipality: 'alsdorf', codes: affectedHousingInsult },
  // Rejected: not counted at all.
  { day: '2025-03-15', status: 'rejected', municipality: 'alsdorf', codes: [['ground', 'gender']] },
  // The reporter said "age"; the caseworker's coding counts: racism without a sub-form, work, refusal.
  {
    day: '2025-03-15',
    locale: 'en',
    municipality: null,
    codes: [['ground', 'age']],
    caseworker: [
      ['ground', 'racism'],
      ['life_domain', 'work'],
      ['incident_form', 'denial_unequal_treatment'],
    ],
  },
  { day: '2025-03-20', channel: 'staff', municipality: 'alsdorf', codes: affectedHousingInsult },
  ...['2025-06-02', '2025-06-03', '2025-06-03', '2025-06-10', '2025-06-30'].map((day): Row => ({
    day,
    municipality: 'alsdorf',
    codes: affectedHousingInsult,
  })),
];

async function insertRows(db: OpenedDatabase['db'], rows: Row[]) {
  for (const [i, row] of rows.entries()) {
    const effective = row.caseworker ?? row.codes;
    const { id } = await db
      .insertInto('reports')
      .values({
        receipt_hash: `hash-${i}-${Math.random()}`,
        status: row.status ?? 'new',
        channel: row.channel ?? 'form',
        locale: row.locale ?? 'de',
        description: 'Testbericht',
        consequences: '',
        ongoing: 0,
        support_wanted: 0,
        municipality: row.municipality === undefined ? 'alsdorf' : row.municipality,
        online: row.online ? 1 : 0,
        when_precision: 'unknown',
        received_on: row.day,
        updated_at: `${row.day}T10:00:00.000Z`,
        coded_on: row.caseworker ? row.day : null,
        effective_codes: effectiveCodesText(effective.map(([dimension, code]) => ({ dimension, code }))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const codes = [
      ...row.codes.map(([dimension, code]) => ({ report_id: id, coder: 'reporter' as const, dimension, code })),
      ...(row.caseworker ?? []).map(([dimension, code]) => ({
        report_id: id,
        coder: 'caseworker' as const,
        dimension,
        code,
      })),
    ];
    await db.insertInto('report_codes').values(codes).execute();
  }
}

const byCode = (t: StatisticsTable | undefined) =>
  Object.fromEntries(
    (t as OneWayTable).rows.filter((r) => r.entry.current.shown !== '0').map((r) => [r.code, r.entry.current.shown]),
  );
const table = (tables: StatisticsTable[], id: string) => tables.find((t) => t.id === id)!;

describe.each(nodeBackends())('statistics of a hand-counted year on %s', (backend) => {
  let database: OpenedDatabase;
  let drop: (() => Promise<void>) | undefined;
  let stats: StatsService;
  beforeAll(async () => {
    if (backend === 'postgres') {
      const pg = await createPostgresDatabase();
      drop = pg.drop;
      database = openDatabase(pg.url);
    } else database = openDatabase(':memory:');
    await migrateToLatest(database);
    await insertRows(database.db, ROWS);
    stats = createStatsService({
      aggregates: createStatsAggregates(database.db, database.atomic),
      placeCodes: ['alsdorf', 'eschweiler'],
      minCount: 5,
      clock: fixedClock('2026-02-01T10:00:00Z'),
    });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('counts exact figures by the effective coding, per day of receipt, without rejected reports', async () => {
    const { reports, tables } = await stats.statistics(stats.periodOf({ year: 2025 }), 'exact');
    expect(reports.current.value).toBe(9);
    expect(reports.previous.value).toBe(1);
    expect(reports.change).toBe(8);
    // Several grounds: counted once in each; the total counts reports.
    expect(byCode(table(tables, 'ground'))).toEqual({ racism: '9', religion: '1' });
    expect(table(tables, 'ground').total.current.value).toBe(9);
    expect((table(tables, 'ground') as OneWayTable).multiCoded).toBe(true);
    // Sub-forms among the 9 reports on the ground of racism; the recoded one has none.
    expect(byCode(table(tables, 'racism_form'))).toEqual({ anti_muslim: '1', anti_black: '7', _none: '1' });
    expect(byCode(table(tables, 'life_domain'))).toEqual({ housing: '7', public_transport: '1', work: '1' });
    expect(byCode(table(tables, 'incident_form'))).toEqual({
      insult_harassment: '8',
      threat: '1',
      denial_unequal_treatment: '1',
    });
    expect(byCode(table(tables, 'place'))).toEqual({ alsdorf: '7', eschweiler: '1', online: '1', _none: '1' });
    expect(byCode(table(tables, 'month'))).toEqual({ '2025-01': '1', '2025-03': '2', '2025-06': '5', '2025-12': '1' });
    expect(byCode(table(tables, 'reporter_role'))).toEqual({ affected: '7', witness: '1', _none: '1' });
    expect(byCode(table(tables, 'channel'))).toEqual({ form: '7', assistant: '1', staff: '1' });
    expect(byCode(table(tables, 'language'))).toEqual({ de: '7', ar: '1', en: '1' });
    const previousGround = (table(tables, 'ground') as OneWayTable).rows.find((r) => r.code === 'racism')!.entry;
    expect(previousGround).toMatchObject({ current: { value: 9 }, previous: { value: 1 }, change: 8 });

    const cross = table(tables, 'ground_life_domain') as TwoWayTable;
    expect(cross.rows).toEqual(['racism', 'religion']);
    expect(cross.cols).toEqual(['public_space', 'public_transport', 'work', 'housing']);
    expect(cross.cells.map((r) => r.map((e) => e.current.value))).toEqual([
      [0, 1, 1, 7],
      [0, 0, 0, 1],
    ]);
    expect(cross.rowTotals.map((e) => e.current.value)).toEqual([9, 1]);
    expect(cross.colTotals.map((e) => e.current.value)).toEqual([0, 1, 1, 8]);
    expect(cross.total.current.value).toBe(10);
    const placeForm = table(tables, 'place_incident_form') as TwoWayTable;
    expect(placeForm.rows).toEqual(['alsdorf', 'eschweiler', 'online', '_none']);
  });

  it('publishes 1 to 4 as "<5", hides a second figure where a total would give it away, and never a change beside a hidden figure', async () => {
    const { tables, reports } = await stats.statistics(stats.periodOf({ year: 2025 }), 'published');
    expect(reports.current.shown).toBe('9');
    expect(reports.previous.shown).toBe('<5');
    expect(reports.change).toBeNull();
    // Multi-coded: the total counts reports, so religion's "<5" cannot be computed from it.
    expect(byCode(table(tables, 'ground'))).toEqual({ racism: '9', religion: '<5' });
    // Single-coded: housing = 9 − public transport − work would reveal them; housing is hidden too.
    expect(byCode(table(tables, 'life_domain'))).toEqual({ housing: '•', public_transport: '<5', work: '<5' });
    expect(table(tables, 'life_domain').total.current.shown).toBe('9');
    expect(byCode(table(tables, 'month'))).toEqual({
      '2025-01': '<5',
      '2025-03': '<5',
      '2025-06': '5',
      '2025-12': '<5',
    });
    // 9 reports, "<5" sub-forms: the rows must reach 9, so 7 beside one "<5" and one more "<5" leaves 1 or more open.
    const forms = byCode(table(tables, 'racism_form'));
    expect(forms.anti_muslim).toBe('<5');
    expect(forms._none).toBe('<5');
    const serialised = JSON.stringify(tables);
    for (const t of tables)
      for (const e of entriesOf(t))
        for (const f of [e.current, e.previous]) if (f.suppressed) expect(f.value).toBeNull();
    expect(serialised).not.toContain('"value":1,');
  });

  it('recounts a day when a report on it changes, through the triggers alone', async () => {
    const before = await stats.statistics(stats.periodOf({ year: 2025 }), 'exact');
    expect(before.reports.current.value).toBe(9);
    // The same counts: the tables published the first time, not worked out again.
    expect((await stats.statistics(stats.periodOf({ year: 2025 }), 'exact')).tables).toBe(before.tables);
    await database.db
      .updateTable('reports')
      .set({ status: 'rejected' })
      .where('received_on', '=', '2025-12-31')
      .execute();
    const after = await stats.statistics(stats.periodOf({ year: 2025 }), 'exact');
    expect(after.reports.current.value).toBe(8);
    expect(byCode(table(after.tables, 'channel'))).toEqual({ form: '7', staff: '1' });
    const { id } = await database.db
      .selectFrom('reports')
      .select('id')
      .where('received_on', '=', '2025-01-01')
      .executeTakeFirstOrThrow();
    await database.db.deleteFrom('report_codes').where('report_id', '=', id).where('code', '=', 'religion').execute();
    const recoded = await stats.statistics(stats.periodOf({ year: 2025 }), 'exact');
    expect(byCode(table(recoded.tables, 'ground'))).toEqual({ racism: '8' });
    await database.db.updateTable('reports').set({ status: 'new' }).where('received_on', '=', '2025-12-31').execute();
    await database.db
      .insertInto('report_codes')
      .values({ report_id: id, coder: 'reporter', dimension: 'ground', code: 'religion' })
      .execute();
    expect((await stats.statistics(stats.periodOf({ year: 2025 }), 'exact')).reports.current.value).toBe(9);
  });

  it('compares a date range with the same days a year earlier', async () => {
    const { period, previous, reports, tables } = await stats.statistics(
      stats.periodOf({ from: '2025-03-01', to: '2025-06-30' }),
      'exact',
    );
    expect(period).toEqual({ from: '2025-03-01', to: '2025-06-30', year: null });
    expect(previous).toEqual({ from: '2024-03-01', to: '2024-06-30', year: null });
    expect(reports.current.value).toBe(7);
    expect((table(tables, 'month') as OneWayTable).rows.map((r) => r.code)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
  });
});

function entriesOf(t: StatisticsTable) {
  return t.kind === 'one_way'
    ? [...t.rows.map((r) => r.entry), t.total]
    : [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total];
}
