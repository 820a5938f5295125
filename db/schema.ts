import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The one truth about tables. Dates are ISO strings so that SQLite, PostgreSQL and D1 store them alike.
 * Nothing here identifies a reporter: no IP, no user agent, no time of day of the incident.
 */
export interface Database {
  reports: ReportsTable;
  report_codes: ReportCodesTable;
  report_messages: ReportMessagesTable;
}

export interface ReportsTable {
  id: Generated<number>;
  /** HMAC-SHA256 of the normalised receipt code with the server secret; the code itself is never stored. */
  receipt_hash: string;
  status: Generated<string>;
  channel: string;
  locale: string;
  /** Anonymised free text, exactly as the reporter saw it on the review screen. */
  description: string;
  /** The description in German when it was written in another language; null when none was made. */
  description_de: string | null;
  /** Who made `description_de`: 'machine' (the model, when the report was sent), to be confirmed by a person. */
  description_de_origin: 'machine' | 'staff' | null;
  consequences: string;
  municipality: string | null;
  online: number;
  when_precision: string;
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' by precision; null when unknown. */
  when_value: string | null;
  ongoing: number;
  witnesses: string | null;
  support_wanted: number;
  /** Day only: a time of receipt could be matched against other records. */
  received_on: string;
  updated_at: string;
}

/** One row per code and coder: several grounds and forms may apply, and a caseworker's coding sits beside the reporter's. */
export interface ReportCodesTable {
  report_id: number;
  coder: 'reporter' | 'caseworker';
  dimension: string;
  code: string;
}

export interface ReportMessagesTable {
  id: Generated<number>;
  report_id: number;
  author: 'reporter' | 'office';
  body: string;
  sent_on: string;
  read_at: string | null;
}

export type ReportRow = Selectable<ReportsTable>;
export type NewReportRow = Insertable<ReportsTable>;
export type ReportMessageRow = Selectable<ReportMessagesTable>;
