import type { Translate } from '../../shared/i18n/translate';
import { statsLabels } from '../../shared/stats-labels';
import { csvCell } from '../cases/csv';
import type { Entry, Statistics } from '../../shared/stats-views';

const TOTAL = '_total';

/**
 * Every table in one CSV file, one line per figure with the table's id in the first column (one file
 * is easier to archive and to load into a spreadsheet than eleven). Figures as published: "<5" and "•" stay
 * marks. Labels in the chosen language beside the stable codes.
 */
export function statisticsCsv(
  statistics: Statistics,
  t: Translate,
  lang: string,
  office: { region: string; municipalities: { code: string; name: string }[] },
): string {
  const labels = statsLabels(t, lang, office);
  const lines = [['table', 'row', 'row_label', 'column', 'column_label', 'current', 'previous', 'change']];
  const line = (table: string, row: string, rowLabel: string, col: string, colLabel: string, e: Entry) =>
    lines.push([
      table,
      row,
      rowLabel,
      col,
      colLabel,
      e.current.shown,
      e.previous.shown,
      e.change === null ? '' : String(e.change),
    ]);
  const total = t('statistics.total');
  for (const table of statistics.tables) {
    if (table.kind === 'one_way') {
      for (const r of table.rows) line(table.id, r.code, labels.codeLabel(table.id, r.code), '', '', r.entry);
      line(table.id, TOTAL, total, '', '', table.total);
      continue;
    }
    const rowLabel = (code: string) => labels.codeLabel(table.rowDimension, code);
    const colLabel = (code: string) => labels.codeLabel(table.colDimension, code);
    table.rows.forEach((row, i) =>
      table.cols.forEach((col, j) => line(table.id, row, rowLabel(row), col, colLabel(col), table.cells[i]![j]!)),
    );
    table.rows.forEach((row, i) => line(table.id, row, rowLabel(row), TOTAL, total, table.rowTotals[i]!));
    table.cols.forEach((col, j) => line(table.id, TOTAL, total, col, colLabel(col), table.colTotals[j]!));
    line(table.id, TOTAL, total, TOTAL, total, table.total);
  }
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  // The change is a number this code wrote (a leading minus is no formula): only the other cells are quoted.
  const text = lines.map((cells) => cells.map((cell, i) => (i === 7 ? cell : csvCell(cell))).join(','));
  return `\ufeff${text.join('\r\n')}\r\n`;
}

/** The file name of an export: the period, never anything about a person. */
export function exportFileName(statistics: Statistics, extension: 'csv' | 'json'): string {
  const { period } = statistics;
  return `statistik-${period.year ?? `${period.from}_${period.to}`}.${extension}`;
}
