import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverTotal } from '../../server/stats/publish';
import { suppressTable, type SuppressedTable } from '../../server/stats/suppression';

/**
 * What a reader of the published table can work out, by brute force over every table consistent with it
 * (and with the published rule). Independent of the solver the suppression itself uses.
 */
function possibleValues(t: SuppressedTable, threshold: number, independentTotal: boolean): Map<string, Set<number>> {
  const cells = t.cells;
  const r = cells.length;
  const c = cells[0]!.length;
  const published = (e: { value: number; suppressed: unknown }) => (e.suppressed ? undefined : e.value);
  const grand = published(t.total);
  const cap = Math.max(grand ?? 0, ...cells.flat().map((e) => e.value)) * 2 + threshold;
  const hidden: [number, number][] = [];
  cells.forEach((row, i) => row.forEach((e, j) => e.suppressed && hidden.push([i, j])));
  const seen = new Map<string, Set<number>>();
  const assignment = cells.map((row) => row.map((e) => (e.suppressed ? -1 : e.value)));
  const within = (e: { suppressed: unknown }, v: number) =>
    e.suppressed === 'primary'
      ? v >= 1 && v < threshold
      : e.suppressed === 'secondary'
        ? v >= threshold
        : e.suppressed === 'withheld'
          ? v >= 1
          : true;

  const consistent = () => {
    const rowSums = assignment.map((row) => row.reduce((a, b) => a + b, 0));
    const colSums = Array.from({ length: c }, (_, j) => assignment.reduce((a, row) => a + row[j]!, 0));
    const all = rowSums.reduce((a, b) => a + b, 0);
    if (t.rowTotals && !t.rowTotals.every((e, i) => (e.suppressed ? within(e, rowSums[i]!) : e.value === rowSums[i])))
      return false;
    if (t.colTotals && !t.colTotals.every((e, j) => (e.suppressed ? within(e, colSums[j]!) : e.value === colSums[j])))
      return false;
    if (!independentTotal && !(t.total.suppressed ? within(t.total, all) : t.total.value === all)) return false;
    return true;
  };
  const record = () => {
    for (const [i, j] of hidden) {
      const key = `${i},${j}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(assignment[i]![j]!);
    }
    const note = (key: string, value: number) => {
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(value);
    };
    t.rowTotals?.forEach(
      (e, i) =>
        e.suppressed &&
        note(
          `row ${i}`,
          assignment[i]!.reduce((a, b) => a + b, 0),
        ),
    );
    t.colTotals?.forEach(
      (e, j) =>
        e.suppressed &&
        note(
          `column ${j}`,
          assignment.reduce((a, row) => a + row[j]!, 0),
        ),
    );
    if (t.total.suppressed && !independentTotal)
      note(
        'total',
        assignment.flat().reduce((a, b) => a + b, 0),
      );
  };
  // Row by row, a hidden cell is bounded by every published total of its lines, and a finished row must add up.
  const lastHiddenInRow = new Map<number, number>();
  hidden.forEach(([i], k) => lastHiddenInRow.set(i, k));
  const rowOk = (i: number) => {
    const e = t.rowTotals?.[i];
    if (!e) return true;
    const sum = assignment[i]!.reduce((a, b) => a + b, 0);
    return e.suppressed ? within(e, sum) : e.value === sum;
  };
  const search = (k: number) => {
    if (k === hidden.length) {
      if (consistent()) record();
      return;
    }
    const [i, j] = hidden[k]!;
    const e = cells[i]![j]!;
    const limits = [
      cap,
      published(t.total),
      t.rowTotals && published(t.rowTotals[i]!),
      t.colTotals && published(t.colTotals[j]!),
    ];
    const upper = Math.min(...limits.filter((x): x is number => typeof x === 'number'));
    const [lo, hi] =
      e.suppressed === 'primary' ? [1, threshold - 1] : e.suppressed === 'withheld' ? [1, upper] : [threshold, upper];
    for (let v = lo; v <= hi; v++) {
      assignment[i]![j] = v;
      if (lastHiddenInRow.get(i) !== k || rowOk(i)) search(k + 1);
    }
    assignment[i]![j] = -1;
  };
  search(0);
  void r;
  return seen;
}

const table = (maxRows: number, maxCols: number, maxCount = 12) =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([rows, cols]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: maxCount }), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('small counts are never published and never computable', () => {
  it('hides 1 to 4 as primary, and keeps 0 and 5+ where nothing requires hiding them', () => {
    const t = suppressTable({ cells: [[0], [3], [7], [12]], rowTotals: false, colTotals: true }, 5);
    expect(t.cells.map((r) => r[0]!.suppressed)).toEqual([false, 'primary', 'secondary', false]);
    expect(t.total).toEqual({ value: 22, suppressed: false });
  });

  it('hides a second cell when one hidden cell and the total would give it away', () => {
    const t = suppressTable({ cells: [[10], [2], [9], [0]], rowTotals: false, colTotals: true }, 5);
    expect(t.cells.flat().filter((e) => e.suppressed)).toHaveLength(2);
  });

  it('sees through two hidden cells that can only be 1 and 1', () => {
    // 2 + 1 + 1 = 4 of a total of 14 that 10 explains: a reader knows both hidden cells are 1 and 1… unless more is hidden.
    const t = suppressTable({ cells: [[10], [1], [1]], rowTotals: false, colTotals: true }, 5);
    expect(t.cells[0]![0]!.suppressed).toBe('secondary');
  });

  it('protects a two-way table with row and column totals', () => {
    const t = suppressTable(
      {
        cells: [
          [20, 3, 8],
          [15, 9, 11],
          [6, 7, 2],
        ],
        rowTotals: true,
        colTotals: true,
      },
      5,
    );
    const hidden = t.cells.flat().filter((e) => e.suppressed).length;
    expect(hidden).toBeGreaterThanOrEqual(4);
  });

  it('the brute-force reader does see through primary suppression alone (so the properties below can fail)', () => {
    const naive: SuppressedTable = {
      cells: [
        [{ value: 10, suppressed: false }],
        [{ value: 2, suppressed: 'primary' }],
        [{ value: 9, suppressed: false }],
      ],
      rowTotals: null,
      colTotals: [{ value: 21, suppressed: false }],
      total: { value: 21, suppressed: false },
    };
    expect(possibleValues(naive, 5, false).get('1,0')).toEqual(new Set([2]));
  });

  it('property: in one-way tables no hidden cell has only one possible value', () => {
    fc.assert(
      fc.property(table(6, 1), fc.integer({ min: 3, max: 5 }), (cells, threshold) => {
        const t = suppressTable({ cells, rowTotals: false, colTotals: true }, threshold);
        for (const [key, values] of possibleValues(t, threshold, false)) {
          expect(values.size, `cell ${key} of ${JSON.stringify(cells)} (threshold ${threshold})`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: in two-way tables with margins no hidden cell has only one possible value', () => {
    fc.assert(
      fc.property(table(3, 3, 9), fc.integer({ min: 3, max: 5 }), (cells, threshold) => {
        const t = suppressTable({ cells, rowTotals: true, colTotals: true }, threshold);
        for (const [key, values] of possibleValues(t, threshold, false)) {
          expect(values.size, `entry ${key} of ${JSON.stringify(cells)} (threshold ${threshold})`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('property: in multi-coded tables (the total counts reports) no hidden row has only one possible value', () => {
    // Each report carries at least one code ("not stated" included) and a code at most once: every row is at
    // most the total, and the rows add up to at least the total. A reader knows that as well as the rule.
    const multiCoded = fc
      .array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 })
      .chain((cells) => {
        const sum = cells.reduce((a, b) => a + b, 0);
        return fc.tuple(fc.constant(cells), fc.integer({ min: Math.max(...cells), max: Math.max(sum, 1) }));
      })
      .filter(([cells, total]) => cells.reduce((a, b) => a + b, 0) >= total);
    fc.assert(
      fc.property(multiCoded, fc.integer({ min: 3, max: 5 }), ([counts, total], threshold) => {
        const t = suppressTable(
          { cells: counts.map((n) => [n]), rowTotals: false, colTotals: false, total },
          threshold,
        );
        coverTotal(t, threshold);
        const rows = t.cells.map((r) => r[0]!);
        const hidden = rows.map((e, i) => (e.suppressed ? i : -1)).filter((i) => i >= 0);
        const knownTotal = t.total.suppressed ? undefined : t.total.value;
        const cap = knownTotal ?? counts.reduce((a, b) => a + b, 0) + threshold;
        const seen = new Map<number, Set<number>>(hidden.map((i) => [i, new Set()]));
        const values = rows.map((e) => (e.suppressed ? 0 : e.value));
        const search = (k: number) => {
          if (k === hidden.length) {
            const sum = values.reduce((a, b) => a + b, 0);
            if (knownTotal !== undefined && sum < knownTotal) return;
            for (const i of hidden) seen.get(i)!.add(values[i]!);
            return;
          }
          const e = rows[hidden[k]!]!;
          const [lo, hi] =
            e.suppressed === 'primary' ? [1, threshold - 1] : [e.suppressed === 'secondary' ? threshold : 1, cap];
          for (let v = lo; v <= Math.min(hi, cap); v++) {
            values[hidden[k]!] = v;
            search(k + 1);
          }
        };
        search(0);
        for (const [i, possible] of seen)
          expect(
            possible.size,
            `row ${i} of ${JSON.stringify(counts)}, total ${total} (threshold ${threshold})`,
          ).toBeGreaterThan(1);
      }),
      { numRuns: 500 },
    );
  });
});
