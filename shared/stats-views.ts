/**
 * The statistics as they leave the server: what the statistics service returns, the JSON API and the exports
 * carry, and the pages (public, staff, printed) render. Declared once, here, where both sides meet.
 */

/** How a figure is hidden: "<5" (primary), "•" (secondary, or a label withheld), or not at all. */
export type Suppression = false | 'primary' | 'secondary' | 'withheld';

/**
 * A figure as it may leave the office. Published: a hidden figure has no value at all, only its mark ("<5"
 * for a small count, "•" for one hidden so that totals cannot give a small one away). Exact (admins,
 * internal): every value, nothing hidden.
 */
export interface Figure {
  value: number | null;
  shown: string;
  suppressed: Suppression;
}

/** The year before beside each figure, and the change; a change is hidden whenever either figure is. */
export interface Entry {
  current: Figure;
  previous: Figure;
  change: number | null;
}

export type OneWayId =
  | 'ground'
  | 'racism_form'
  | 'life_domain'
  | 'incident_form'
  | 'place'
  | 'month'
  | 'reporter_role'
  | 'channel'
  | 'language';
/** The cross-tables: ground × life domain, place × incident form. */
export type TwoWayId = 'ground_life_domain' | 'place_incident_form';
export type TableId = OneWayId | TwoWayId;

export interface OneWayTable {
  id: OneWayId;
  kind: 'one_way';
  /** Reports may carry several codes here: rows add up to more than the total, which counts reports. */
  multiCoded: boolean;
  rows: { code: string; entry: Entry }[];
  total: Entry;
}

export interface TwoWayTable {
  id: TwoWayId;
  kind: 'two_way';
  rowDimension: string;
  colDimension: string;
  rows: string[];
  cols: string[];
  cells: Entry[][];
  rowTotals: Entry[];
  colTotals: Entry[];
  total: Entry;
}
export type StatisticsTable = OneWayTable | TwoWayTable;

export type Publication = { mode: 'published'; minCount: number } | { mode: 'exact' };

export interface Period {
  from: string;
  to: string;
  /** The calendar year, when the period is one. */
  year: number | null;
}

/** `stats.statistics()`, `GET /api/staff/statistics`, export.json, and the props of every statistics page. */
export interface Statistics {
  period: Period;
  previous: Period;
  publication: Publication;
  /** Counted reports: received in the period, not rejected (withdrawn ones are deleted). */
  reports: Entry;
  tables: StatisticsTable[];
}
