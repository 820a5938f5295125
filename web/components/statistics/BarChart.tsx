import type { StatsLabels } from '../../../shared/stats-labels';
import type { OneWayTable } from '../../../shared/stats-views';

/**
 * Drawn in units that a page shows at about one CSS pixel each (styles.css caps the chart's width), so that
 * the 13-unit text reads at 13 px on a screen, at about 12 px on a 360 px phone and at 8 pt on A4. Each label
 * has a line of its own above its bars, wrapped rather than cut.
 */
const WIDTH = 400;
const PAD = 4;
const LINE = 15;
const BAR = 11;
const GAP = 7;
const VALUE_WIDTH = 44;
/** Characters on one label line: a 13-unit sans serif fits about 55 in 392 units; some room for wide letters. */
const LINE_CHARS = 46;

/**
 * A horizontal bar chart drawn on the server: two bars a row, this period solid and the year before hatched,
 * each with its number written at its end, so nothing depends on colour. A hidden figure draws no bar, only
 * its mark. Right-to-left pages draw from the right. The table beside it carries the same figures.
 */
export function BarChart({
  table,
  labels,
  current,
  previous,
  dir = 'ltr',
}: {
  table: OneWayTable;
  labels: StatsLabels;
  current: string;
  previous: string;
  dir?: 'ltr' | 'rtl';
}) {
  const { t } = labels;
  const rows = table.rows
    .filter((r) => r.entry.current.shown !== '0' || r.entry.previous.shown !== '0')
    .map((row) => ({ ...row, lines: wrapLabel(labels.codeLabel(table.id, row.code), LINE_CHARS) }));
  if (rows.length === 0) return null;
  const max = Math.max(1, ...rows.flatMap((r) => [r.entry.current.value ?? 0, r.entry.previous.value ?? 0]));
  const span = WIDTH - 2 * PAD - VALUE_WIDTH;
  const heightOf = (lines: number) => lines * LINE + 2 * BAR + 2 + GAP;
  const height = rows.reduce((sum, r) => sum + heightOf(r.lines.length), 0) + PAD;
  const id = `chart-${table.id}`;
  const title = labels.tableTitle(table.id);
  // Bars are drawn for a left-to-right surface, then mirrored by hand on right-to-left pages. Labels run in
  // the page's direction (so that brackets and punctuation sit right in Arabic and Persian), figures always
  // left to right ("<5", never "5>").
  const x = (start: number, length: number) => (dir === 'rtl' ? WIDTH - start - length : start);
  const labelX = dir === 'rtl' ? WIDTH - PAD : PAD;
  const valueAnchor = dir === 'rtl' ? 'end' : 'start';
  const bar = (value: number | null) => (value === null ? 0 : Math.max(value > 0 ? 2 : 0, (value / max) * span));
  const valueX = (length: number) => (dir === 'rtl' ? WIDTH - PAD - length - 4 : PAD + length + 4);
  let top = PAD;
  return (
    <svg
      class="bar-chart"
      role="img"
      viewBox={`0 0 ${WIDTH} ${height}`}
      // An intrinsic size as well: printed, a chart without one is fitted into its row rather than its column.
      width={WIDTH}
      height={height}
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
      direction="ltr"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{t('statistics.chart_description', { title, current, previous })}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" class="hatch" />
        </pattern>
      </defs>
      {rows.map((row) => {
        const rowTop = top;
        top += heightOf(row.lines.length);
        const barsTop = rowTop + row.lines.length * LINE + 2;
        const now = bar(row.entry.current.value);
        const before = bar(row.entry.previous.value);
        return (
          <g key={row.code}>
            <text x={labelX} y={rowTop + LINE - 3} direction={dir} text-anchor="start" class="chart-label">
              {row.lines.map((line, i) => (
                <tspan key={i} x={labelX} dy={i === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect x={x(PAD, now)} y={barsTop} width={now} height={BAR} class="bar-current" />
            <text x={valueX(now)} y={barsTop + BAR - 2} direction="ltr" text-anchor={valueAnchor} class="chart-value">
              {row.entry.current.shown}
            </text>
            <rect
              x={x(PAD, before)}
              y={barsTop + BAR + 2}
              width={before}
              height={BAR}
              fill={`url(#${id}-hatch)`}
              class="bar-previous"
            />
            <text
              x={valueX(before)}
              y={barsTop + 2 * BAR}
              direction="ltr"
              text-anchor={valueAnchor}
              class="chart-value previous"
            >
              {row.entry.previous.shown}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A label in lines of at most `width` characters, broken between words; a word longer than a line is cut. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
