import type { Entry, Figure, Publication, StatisticsTable } from '../../shared/stats-views';
import type { PeriodSums } from './aggregates';
import { suppressTable, type CountCell } from './suppression';
import { oneWayCounts, twoWayCounts, type TableSpec } from './tables';

/** Figures of a table in one year, in the shape of the suppression's output. */
interface YearFigures {
  cells: CountCell[][];
  rowTotals: CountCell[] | null;
  colTotals: CountCell[] | null;
  total: CountCell;
}

export function publishTable(
  spec: TableSpec,
  current: PeriodSums,
  previous: PeriodSums,
  previousMonth: (month: string) => string,
  publication: Publication,
): StatisticsTable {
  if (spec.kind === 'one_way') {
    const now = oneWayCounts(spec, current, (m) => m);
    const before = oneWayCounts(spec, previous, previousMonth);
    // Several codes per report: the sum of the rows is published nowhere, only the count of reports.
    const shape = (c: { counts: number[]; total: number | undefined }) => ({
      cells: c.counts.map((n) => [n]),
      rowTotals: false,
      colTotals: c.total === undefined,
      ...(c.total === undefined ? {} : { total: c.total }),
    });
    const a = figuresOf(shape(now), publication);
    const b = figuresOf(shape(before), publication);
    return {
      id: spec.id,
      kind: 'one_way',
      multiCoded: spec.total !== 'sum',
      rows: spec.codes.map((code, i) => ({ code, entry: entryOf(a.cells[i]![0]!, b.cells[i]![0]!, publication) })),
      total: entryOf(a.total, b.total, publication),
    };
  }
  // Codes with no report in either year are left out: an empty line tells nothing and widens the table.
  const allRows = spec.rowCodes;
  const allCols = spec.colCodes;
  const fullNow = twoWayCounts(spec, allRows, allCols, current);
  const fullBefore = twoWayCounts(spec, allRows, allCols, previous);
  const rowKept = allRows.map((_, i) => fullNow[i]!.some((n) => n > 0) || fullBefore[i]!.some((n) => n > 0));
  const colKept = allCols.map((_, j) => fullNow.some((r) => r[j]! > 0) || fullBefore.some((r) => r[j]! > 0));
  const rows = allRows.filter((_, i) => rowKept[i]);
  const cols = allCols.filter((_, j) => colKept[j]);
  const keep = (m: number[][]) => m.filter((_, i) => rowKept[i]).map((r) => r.filter((_, j) => colKept[j]));
  const shape = (cells: number[][]) => ({ cells, rowTotals: true, colTotals: true });
  const a = figuresOf(shape(keep(fullNow)), publication);
  const b = figuresOf(shape(keep(fullBefore)), publication);
  return {
    id: spec.id,
    kind: 'two_way',
    rowDimension: spec.rowDimension,
    colDimension: spec.colDimension,
    rows,
    cols,
    cells: a.cells.map((r, i) => r.map((cell, j) => entryOf(cell, b.cells[i]![j]!, publication))),
    rowTotals: (a.rowTotals ?? []).map((cell, i) => entryOf(cell, b.rowTotals![i]!, publication)),
    colTotals: (a.colTotals ?? []).map((cell, j) => entryOf(cell, b.colTotals![j]!, publication)),
    total: entryOf(a.total, b.total, publication),
  };
}

function figuresOf(
  shape: { cells: number[][]; rowTotals: boolean; colTotals: boolean; total?: number },
  publication: Publication,
): YearFigures {
  if (shape.cells.length === 0 || shape.cells[0]!.length === 0)
    return { cells: [], rowTotals: [], colTotals: [], total: { value: 0, suppressed: false } };
  if (publication.mode === 'published') {
    let table: YearFigures;
    try {
      table = suppressTable(shape, publication.minCount);
    } catch {
      // Should the search for a safe pattern ever give up, nothing is published rather than too much.
      return withheldEntirely(shape);
    }
    if (shape.total !== undefined) coverTotal(table, publication.minCount);
    return table;
  }
  const exact = (value: number): CountCell => ({ value, suppressed: false });
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  const columns = shape.cells[0]!.map((_, j) => sum(shape.cells.map((r) => r[j]!)));
  return {
    cells: shape.cells.map((r) => r.map(exact)),
    rowTotals: shape.rowTotals ? shape.cells.map((r) => exact(sum(r))) : null,
    colTotals: shape.colTotals ? columns.map(exact) : null,
    total: exact(shape.total ?? sum(columns)),
  };
}

function withheldEntirely(shape: { cells: number[][]; rowTotals: boolean; colTotals: boolean; total?: number }) {
  const hidden = (value: number): CountCell => ({ value, suppressed: value > 0 ? 'withheld' : false });
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  return {
    cells: shape.cells.map((r) => r.map(hidden)),
    rowTotals: shape.rowTotals ? shape.cells.map((r) => hidden(sum(r))) : null,
    colTotals: shape.colTotals ? shape.cells[0]!.map((_, j) => hidden(sum(shape.cells.map((r) => r[j]!)))) : null,
    total: hidden(shape.total ?? sum(shape.cells.flat())),
  };
}

/**
 * In a table where each report carries at least one code ("not stated" included), the rows add up to at least
 * the number of reports: an inequality the equations of `suppressTable` do not know. When the published rows
 * and the largest the hidden small ones can be still fall short of the total, a hidden small count would be
 * pinned to its upper bound; hiding one more row (the smallest) leaves it open again.
 */
export function coverTotal(table: YearFigures, minCount: number) {
  const column = table.cells.map((row) => row[0]!);
  for (;;) {
    if (table.total.suppressed) return;
    const published = column.filter((c) => !c.suppressed).reduce((sum, c) => sum + c.value, 0);
    const hidden = column.filter((c) => c.suppressed);
    // Secondary and withheld rows may be as large as the total: they can make up any shortfall.
    if (hidden.some((c) => c.suppressed !== 'primary')) return;
    const shortfall = table.total.value - published - (hidden.length - 1) * (minCount - 1);
    if (hidden.length === 0 || shortfall < minCount - 1) return;
    const next = column.filter((c) => !c.suppressed && c.value > 0).sort((a, b) => a.value - b.value)[0];
    if (!next) {
      table.total.suppressed = 'secondary';
      return;
    }
    next.suppressed = 'secondary';
  }
}

function entryOf(current: CountCell, previous: CountCell, publication: Publication): Entry {
  const a = figureOf(current, publication);
  const b = figureOf(previous, publication);
  return { current: a, previous: b, change: a.value === null || b.value === null ? null : a.value - b.value };
}

export function figureOf(cell: CountCell, publication: Publication): Figure {
  if (!cell.suppressed) return { value: cell.value, shown: String(cell.value), suppressed: false };
  // Only the mark leaves the server: the value must not be in the page, the JSON or the CSV.
  const shown = cell.suppressed === 'primary' && publication.mode === 'published' ? `<${publication.minCount}` : '•';
  return { value: null, shown, suppressed: cell.suppressed };
}
