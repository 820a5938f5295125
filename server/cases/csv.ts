import { CODED_DIMENSIONS } from '../../shared/taxonomy';

export interface CsvReport {
  id: number;
  received_on: string;
  status: string;
  reject_reason: string | null;
  urgent: number;
  channel: string;
  locale: string;
  municipality: string | null;
  online: number;
  when_precision: string;
  when_value: string | null;
  ongoing: number;
  support_wanted: number;
  assignee_id: number | null;
  acknowledged_on: string | null;
  closed_on: string | null;
  coded_on: string | null;
  description: string;
  consequences: string;
  codes: { coder: string; dimension: string; code: string }[];
}

const BASE_COLUMNS = [
  'id',
  'received_on',
  'status',
  'reject_reason',
  'urgent',
  'channel',
  'locale',
  'municipality',
  'online',
  'when',
  'ongoing',
  'support_wanted',
  'assignee_id',
  'acknowledged_on',
  'closed_on',
  'coded_by',
  ...CODED_DIMENSIONS,
] as const;

/** The header line; the text columns only when the export was asked for with text (and is audited as such). */
export function csvHeader(withText: boolean): string {
  return csvLine([...BASE_COLUMNS, ...(withText ? ['description', 'consequences'] : [])]);
}

/** One report: codes of the coder that counts, several codes of one dimension joined with "|". */
export function csvRow(r: CsvReport, withText: boolean): string {
  const coder = r.coded_on ? 'caseworker' : 'reporter';
  const codes = (dimension: string) =>
    r.codes
      .filter((c) => c.coder === coder && c.dimension === dimension)
      .map((c) => c.code)
      .sort()
      .join('|');
  return csvLine([
    r.id,
    r.received_on,
    r.status,
    r.reject_reason ?? '',
    r.urgent,
    r.channel,
    r.locale,
    r.municipality ?? '',
    r.online,
    r.when_value ?? (r.when_precision === 'unknown' ? '' : r.when_precision),
    r.ongoing,
    r.support_wanted,
    r.assignee_id ?? '',
    r.acknowledged_on ?? '',
    r.closed_on ?? '',
    coder,
    ...CODED_DIMENSIONS.map(codes),
    ...(withText ? [r.description, r.consequences] : []),
  ]);
}

function csvLine(values: (string | number)[]): string {
  return `${values.map((v) => csvCell(String(v))).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, and a leading apostrophe before =, +, -, @, tab or CR: a spreadsheet must not run
 * text a reporter wrote as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
