import type { Suppression } from '../../shared/stats-views';
import { boundsOf, type LinearSystem } from './linear-bounds';

/**
 * Disclosure control for published counts. A count of 1 to `threshold − 1` could point at a person, so it is
 * shown only as "<threshold" (primary suppression). Because tables publish totals, hiding a cell is not
 * enough: a cell that the totals and the other cells pin down to one value would be as good as published. So
 * further cells are hidden (secondary suppression, shown as "•") until no hidden cell can be computed from
 * what is published, knowing the rule: every hidden primary cell lies in [1, threshold − 1], every hidden
 * secondary cell is ≥ threshold, and zeros are published as they are. Where even hiding everything leaves
 * the "<threshold" labels telling too much (two "<5" cells under a "<5" total), a label is dropped: the
 * entry is withheld ("•" as well, known only to be ≥ 1).
 */

export interface CountCell {
  value: number;
  suppressed: Suppression;
}

export interface SuppressedTable {
  cells: CountCell[][];
  rowTotals: CountCell[] | null;
  colTotals: CountCell[] | null;
  total: CountCell;
}

export interface TableShape {
  /** Counts by row and column; a one-way table is one column. */
  cells: number[][];
  /** Whether each row's total is published (two-way tables). */
  rowTotals: boolean;
  /** Whether each column's total is published. A one-way table publishes its column total: the grand total. */
  colTotals: boolean;
  /** The grand total, when it is not the sum of the cells (reports counted once though coded several times). */
  total?: number;
}

export function suppressTable(table: TableShape, threshold: number): SuppressedTable {
  // Below 3, "<threshold" names a single value: the label itself would publish the count.
  if (!Number.isInteger(threshold) || threshold < 3)
    throw new Error('the suppression threshold must be a whole number ≥ 3');
  const r = table.cells.length;
  const c = table.cells[0]?.length ?? 0;
  const cell = (value: number): CountCell => ({
    value,
    suppressed: value > 0 && value < threshold ? 'primary' : false,
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const out: SuppressedTable = {
    cells: table.cells.map((row) => row.map(cell)),
    rowTotals: table.rowTotals ? table.cells.map((row) => cell(sum(row))) : null,
    colTotals: table.colTotals
      ? Array.from({ length: c }, (_, j) => cell(sum(table.cells.map((row) => row[j]!))))
      : null,
    total: cell(table.total ?? sum(table.cells.flat())),
  };
  // Each hidden primary cell that the published figures pin down gets company, until none is pinned down.
  // Every step moves one entry on (published → hidden, or "<n" → withheld), so there are at most as many
  // steps as entries, and one more look to see that nothing is pinned down any more.
  for (let guard = 0; guard <= r * c + r + c + 1; guard++) {
    const exposed = firstExposed(out, threshold, table.total !== undefined);
    if (!exposed) return out;
    hideNeighbour(out, exposed);
  }
  throw new Error('secondary suppression did not settle');
}

type Position =
  { kind: 'cell'; i: number; j: number } | { kind: 'row'; i: number } | { kind: 'col'; j: number } | { kind: 'total' };

/** Builds the equations a reader of the published table can write down, and finds a hidden entry with one possible value. */
function firstExposed(t: SuppressedTable, threshold: number, independentTotal: boolean): Position | null {
  const entries: { pos: Position; entry: CountCell }[] = [];
  t.cells.forEach((row, i) => row.forEach((entry, j) => entries.push({ pos: { kind: 'cell', i, j }, entry })));
  t.rowTotals?.forEach((entry, i) => entries.push({ pos: { kind: 'row', i }, entry }));
  t.colTotals?.forEach((entry, j) => entries.push({ pos: { kind: 'col', j }, entry }));
  entries.push({ pos: { kind: 'total' }, entry: t.total });

  const hidden = entries.filter((e) => e.entry.suppressed);
  if (hidden.length === 0) return null;
  const index = new Map(hidden.map((e, k) => [e.entry, k]));
  const system: LinearSystem = {
    equations: [],
    lower: hidden.map((e) => (e.entry.suppressed === 'secondary' ? threshold : 1)),
    upper: hidden.map((e) => (e.entry.suppressed === 'primary' ? threshold - 1 : Infinity)),
  };
  // Σ parts − whole = 0, with published values moved to the right-hand side.
  const equation = (parts: CountCell[], whole: CountCell) => {
    const terms: [number, number][] = [];
    let rhs = 0;
    for (const [entry, coefficient] of [...parts.map((p) => [p, 1] as const), [whole, -1] as const]) {
      const k = index.get(entry);
      if (k === undefined) rhs -= coefficient * entry.value;
      else terms.push([k, coefficient]);
    }
    if (terms.length) system.equations.push({ terms, rhs });
  };
  if (t.rowTotals) t.cells.forEach((row, i) => equation(row, t.rowTotals![i]!));
  if (t.colTotals)
    t.colTotals.forEach((total, j) =>
      equation(
        t.cells.map((row) => row[j]!),
        total,
      ),
    );
  if (!independentTotal) {
    if (t.rowTotals) equation(t.rowTotals, t.total);
    if (t.colTotals) equation(t.colTotals, t.total);
    if (!t.rowTotals && !t.colTotals) equation(t.cells.flat(), t.total);
  }
  // Secondary entries count too: a hidden figure a reader can compute is not hidden.
  for (let k = 0; k < hidden.length; k++) {
    const bounds = boundsOf(system, k);
    if (!bounds || bounds.max - bounds.min < 0.5) return hidden[k]!.pos;
  }
  return null;
}

/**
 * Hides the smallest published non-zero figure that shares a line with the exposed entry: the least
 * information given up for the most protection. A total is hidden only when its line has nothing else to hide.
 */
function hideNeighbour(t: SuppressedTable, pos: Position) {
  const candidates: CountCell[] = [];
  const lines: CountCell[][] = [];
  if (pos.kind === 'cell') {
    lines.push(
      t.cells[pos.i]!,
      t.cells.map((row) => row[pos.j]!),
    );
  } else if (pos.kind === 'row') {
    lines.push(t.cells[pos.i]!, t.rowTotals ?? []);
  } else if (pos.kind === 'col') {
    lines.push(
      t.cells.map((row) => row[pos.j]!),
      t.colTotals ?? [],
    );
  } else {
    lines.push(t.rowTotals ?? [], t.colTotals ?? [], t.cells.flat());
  }
  for (const line of lines) for (const entry of line) if (!entry.suppressed && entry.value > 0) candidates.push(entry);
  if (candidates.length === 0) {
    // Nothing left beside it: hide the totals of its lines instead.
    const totals = [
      pos.kind === 'cell' || pos.kind === 'row' ? t.rowTotals?.[pos.kind === 'cell' ? pos.i : pos.i] : undefined,
      pos.kind === 'cell' || pos.kind === 'col' ? t.colTotals?.[pos.kind === 'cell' ? pos.j : pos.j] : undefined,
      t.total,
    ].filter((e): e is CountCell => !!e && !e.suppressed && e.value > 0);
    const target = totals[0];
    if (target) target.suppressed = 'secondary';
    else withhold(t, pos);
    return;
  }
  candidates.sort((a, b) => a.value - b.value);
  candidates[0]!.suppressed = 'secondary';
}

/** Drops the range of a "<threshold" label: the exposed entry's own if it has one, else the first there is. */
function withhold(t: SuppressedTable, pos: Position) {
  const own =
    pos.kind === 'cell'
      ? t.cells[pos.i]![pos.j]!
      : pos.kind === 'row'
        ? t.rowTotals![pos.i]!
        : pos.kind === 'col'
          ? t.colTotals![pos.j]!
          : t.total;
  const all = [own, ...t.cells.flat(), ...(t.rowTotals ?? []), ...(t.colTotals ?? []), t.total];
  const labelled = all.find((e) => e.suppressed === 'primary');
  if (!labelled) throw new Error('an entry is exposed though no label is left to drop');
  labelled.suppressed = 'withheld';
}
