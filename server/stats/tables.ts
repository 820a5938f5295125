import { LOCALES } from '../../shared/locales';
import { NOT_STATED } from '../../shared/stats';
import {
  CHANNELS,
  GROUNDS,
  INCIDENT_FORMS,
  LIFE_DOMAINS,
  OTHER_PLACES,
  RACISM_FORMS,
  REPORTER_ROLES,
} from '../../shared/taxonomy';
import type { OneWayId, TwoWayId } from '../../shared/stats-views';
import type { PeriodSums } from './aggregates';
import { PAIRS } from './aggregates';

export interface OneWaySpec {
  id: OneWayId;
  kind: 'one_way';
  /**
   * Several codes per report are possible: each counts once, and the total counts reports (not the sum of
   * the rows). `racism` for the sub-forms, whose total is the reports on the ground of racism.
   */
  total: 'sum' | 'reports' | 'racism';
  codes: string[];
}

export interface TwoWaySpec {
  id: TwoWayId;
  kind: 'two_way';
  rowDimension: string;
  colDimension: string;
  rowCodes: string[];
  colCodes: string[];
}
export type TableSpec = OneWaySpec | TwoWaySpec;

/** The tables of the annual report, in the order it prints them. */
export function tableSpecs(placeCodes: readonly string[], months: string[]): TableSpec[] {
  const withNone = (codes: readonly string[]) => [...codes, NOT_STATED];
  const places = withNone([...placeCodes, ...OTHER_PLACES, 'online']);
  const oneWay = (id: OneWayId, total: OneWaySpec['total'], codes: string[]): OneWaySpec => ({
    id,
    kind: 'one_way',
    total,
    codes,
  });
  const twoWay = (id: TwoWayId, rowCodes: string[], colCodes: string[]): TwoWaySpec => ({
    id,
    kind: 'two_way',
    rowDimension: PAIRS[id][0],
    colDimension: PAIRS[id][1],
    rowCodes,
    colCodes,
  });
  return [
    oneWay('ground', 'reports', withNone(GROUNDS)),
    oneWay('racism_form', 'racism', withNone(RACISM_FORMS)),
    oneWay('life_domain', 'sum', withNone(LIFE_DOMAINS)),
    oneWay('incident_form', 'reports', withNone(INCIDENT_FORMS)),
    oneWay('place', 'reports', places),
    oneWay('month', 'sum', months),
    oneWay('reporter_role', 'sum', withNone(REPORTER_ROLES)),
    oneWay('channel', 'sum', [...CHANNELS]),
    oneWay('language', 'sum', [...LOCALES]),
    twoWay('ground_life_domain', withNone(GROUNDS), withNone(LIFE_DOMAINS)),
    twoWay('place_incident_form', places, withNone(INCIDENT_FORMS)),
  ];
}

/** The counts of a one-way table, one per code, and its total as the spec defines it. */
export function oneWayCounts(spec: OneWaySpec, sums: PeriodSums, monthOf: (code: string) => string) {
  const counts =
    spec.id === 'month'
      ? spec.codes.map((m) => sums.months.get(monthOf(m)) ?? 0)
      : spec.codes.map((code) => sums.codes.get(spec.id)?.get(code) ?? 0);
  const total =
    spec.total === 'sum'
      ? undefined
      : spec.total === 'reports'
        ? sums.reports
        : (sums.codes.get('ground')?.get('racism') ?? 0);
  return { counts, total };
}

export function twoWayCounts(spec: TwoWaySpec, rows: string[], cols: string[], sums: PeriodSums): number[][] {
  const pairs = sums.pairs.get(spec.id);
  return rows.map((a) => cols.map((b) => pairs?.get(`${a} ${b}`) ?? 0));
}
