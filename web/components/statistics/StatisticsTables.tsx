import type { Entry, OneWayTable, Statistics, StatisticsTable, TwoWayTable } from '../../../shared/stats-views';
import { BarChart } from './BarChart';
import type { StatsLabels } from '../../../shared/stats-labels';

/** Every table of the statistics, each with its chart (one-way tables) and its notes. */
export function StatisticsTables({
  statistics,
  labels,
  dir = 'ltr',
  headingLevel = 2,
}: {
  statistics: Statistics;
  labels: StatsLabels;
  dir?: 'ltr' | 'rtl';
  headingLevel?: 2 | 3;
}) {
  const current = labels.periodLabel(statistics.period);
  const previous = labels.periodLabel(statistics.previous);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {statistics.tables.map((table) => (
        <section key={table.id} class="stats-table" aria-labelledby={`table-${table.id}`}>
          <Heading id={`table-${table.id}`}>{labels.tableTitle(table.id)}</Heading>
          {table.kind === 'one_way' ? (
            <div class="stats-figure">
              <BarChart table={table} labels={labels} current={current} previous={previous} dir={dir} />
              <OneWay table={table} labels={labels} current={current} previous={previous} />
            </div>
          ) : (
            <TwoWay table={table} labels={labels} current={current} previous={previous} />
          )}
          <TableNote table={table} labels={labels} />
        </section>
      ))}
    </>
  );
}

function TableNote({ table, labels }: { table: StatisticsTable; labels: StatsLabels }) {
  if (table.kind === 'two_way') return <p class="stats-note">{labels.t('statistics.cross_note')}</p>;
  return table.multiCoded ? <p class="stats-note">{labels.t('statistics.multi_note')}</p> : null;
}

function OneWay({
  table,
  labels,
  current,
  previous,
}: {
  table: OneWayTable;
  labels: StatsLabels;
  current: string;
  previous: string;
}) {
  const { t } = labels;
  return (
    <table class="stats">
      <caption class="visually-hidden">{labels.tableTitle(table.id)}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.tableTitle(table.id)}</th>
          <th scope="col">{current}</th>
          <th scope="col">{previous}</th>
          <th scope="col">{t('statistics.change')}</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.code}>
            <th scope="row">{labels.codeLabel(table.id, row.code)}</th>
            <Figures entry={row.entry} lang={labels.lang} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('statistics.total')}</th>
          <Figures entry={table.total} lang={labels.lang} />
        </tr>
      </tfoot>
    </table>
  );
}

/** A cross-table of this period; the margins carry the year before and the change (the exports hold every cell's). */
function TwoWay({
  table,
  labels,
  current,
  previous,
}: {
  table: TwoWayTable;
  labels: StatsLabels;
  current: string;
  previous: string;
}) {
  const { t } = labels;
  const title = labels.tableTitle(table.id);
  return (
    <div class="table-scroll" role="region" aria-label={title} tabIndex={0}>
      <table class="stats cross">
        <caption class="visually-hidden">
          {title} ({current})
        </caption>
        <thead>
          <tr>
            <td />
            {table.cols.map((col) => (
              <th scope="col" key={col}>
                <span class="cross-head">{labels.codeLabel(table.colDimension, col)}</span>
              </th>
            ))}
            <th scope="col">
              <span class="cross-head">{t('statistics.combinations')}</span>
            </th>
            <th scope="col">
              <span class="cross-head">{previous}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={row}>
              <th scope="row">{labels.codeLabel(table.rowDimension, row)}</th>
              {table.cells[i]!.map((cell, j) => (
                <td key={table.cols[j]}>
                  <Shown text={cell.current.shown} />
                </td>
              ))}
              <td class="margin">
                <Shown text={table.rowTotals[i]!.current.shown} />
              </td>
              <td class="previous">
                <Shown text={table.rowTotals[i]!.previous.shown} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('statistics.combinations')}</th>
            {table.colTotals.map((cell, j) => (
              <td key={table.cols[j]} class="margin">
                <Shown text={cell.current.shown} />
              </td>
            ))}
            <td class="margin">
              <Shown text={table.total.current.shown} />
            </td>
            <td class="previous">
              <Shown text={table.total.previous.shown} />
            </td>
          </tr>
          <tr>
            <th scope="row">{previous}</th>
            {table.colTotals.map((cell, j) => (
              <td key={table.cols[j]} class="previous">
                <Shown text={cell.previous.shown} />
              </td>
            ))}
            <td class="previous">
              <Shown text={table.total.previous.shown} />
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Figures({ entry, lang }: { entry: Entry; lang: string }) {
  const change = entry.change;
  return (
    <>
      <td>
        <Shown text={entry.current.shown} />
      </td>
      <td class="previous">
        <Shown text={entry.previous.shown} />
      </td>
      <td>
        <Shown
          text={change === null ? '–' : change > 0 ? `+${change.toLocaleString(lang)}` : change.toLocaleString(lang)}
        />
      </td>
    </>
  );
}

/**
 * A figure as it is written, left to right also on right-to-left pages: in Arabic text "<5" would otherwise
 * show as "5>" and "+10" as "10+".
 */
function Shown({ text }: { text: string }) {
  return <bdi dir="ltr">{text}</bdi>;
}

/** What "<5" and "•" mean, and the rule: beside every publication of the figures. */
export function SuppressionLegend({ statistics, labels }: { statistics: Statistics; labels: StatsLabels }) {
  if (statistics.publication.mode !== 'published') return null;
  const n = statistics.publication.minCount;
  return (
    <ul class="stats-legend" aria-label={labels.t('statistics.legend')}>
      <li>{labels.t('statistics.suppressed_small', { n, count: n - 1 })}</li>
      <li>{labels.t('statistics.suppressed_secondary')}</li>
      <li>{labels.t('statistics.change_hidden')}</li>
    </ul>
  );
}

/** The methodology note, in the words of the page's language. */
export function Methodology({ statistics, labels }: { statistics: Statistics; labels: StatsLabels }) {
  const { t } = labels;
  const n = statistics.publication.mode === 'published' ? statistics.publication.minCount : null;
  return (
    <>
      <p>{t('statistics.method_period')}</p>
      <p>{t('statistics.method_coding')}</p>
      <p>{t('statistics.method_multi')}</p>
      {n !== null && <p>{t('statistics.method_suppression', { n, max: n - 1 })}</p>}
      <p>{t('statistics.method_previous')}</p>
      <p>{t('statistics.cross_note')}</p>
    </>
  );
}
