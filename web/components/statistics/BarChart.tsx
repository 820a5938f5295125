import type { StatsLabels } from '../../../shared/stats-labels';
import type { OneWayTable } from '../../../shared/stats-views';

const ROW = 34;
const BAR = 12;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 48;
const WIDTH = 640;

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
  const rows = table.rows.filter((r) => r.entry.current.shown !== '0' || r.entry.previous.shown !== '0');
  const max = Math.max(1, ...rows.flatMap((r) => [r.entry.current.value ?? 0, r.entry.previous.value ?? 0]));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = rows.length * ROW + 8;
  const id = `chart-${table.id}`;
  const title = labels.tableTitle(table.id);
  const x = (start: number, length: number) => (dir === 'rtl' ? WIDTH - start - length : start);
  // Anchors are computed for a left-to-right drawing surface (the SVG is told so), then mirrored by hand.
  const anchor = dir === 'rtl' ? 'end' : 'start';
  if (rows.length === 0) return null;
  return (
    <svg
      class="bar-chart"
      role="img"
      viewBox={`0 0 ${WIDTH} ${height}`}
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
      {rows.map((row, i) => {
        const top = i * ROW + 4;
        const bar = (value: number | null) => (value === null ? 0 : Math.max(value > 0 ? 2 : 0, (value / max) * span));
        const now = bar(row.entry.current.value);
        const before = bar(row.entry.previous.value);
        const textX = (length: number) => (dir === 'rtl' ? WIDTH - LABEL_WIDTH - length - 4 : LABEL_WIDTH + length + 4);
        return (
          <g key={row.code}>
            <text x={dir === 'rtl' ? WIDTH - 4 : 4} y={top + BAR + 3} text-anchor={anchor} class="chart-label">
              {truncate(labels.codeLabel(table.id, row.code), 36)}
            </text>
            <rect x={x(LABEL_WIDTH, now)} y={top} width={now} height={BAR} class="bar-current" />
            <text x={textX(now)} y={top + BAR - 2} text-anchor={anchor} class="chart-value">
              {row.entry.current.shown}
            </text>
            <rect
              x={x(LABEL_WIDTH, before)}
              y={top + BAR + 2}
              width={before}
              height={BAR}
              fill={`url(#${id}-hatch)`}
              class="bar-previous"
            />
            <text x={textX(before)} y={top + 2 * BAR} text-anchor={anchor} class="chart-value previous">
              {row.entry.previous.shown}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
