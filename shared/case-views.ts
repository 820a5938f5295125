import type { ReportRow, Database } from '../db/schema';
import type { Selectable } from 'kysely';
import type { Locale } from './locales';
import type { ReceiptMessageView, ReportContact } from './report';

/**
 * What case work shows, as the cases service returns it and the staff pages render it: declared once here,
 * where server and pages meet. Rows are picked from the schema (db/schema.ts), never restated.
 */

/** The report's columns a caseworker sees: not the receipt hash, not the bookkeeping. */
export const REPORT_VIEW_COLUMNS = [
  'id',
  'status',
  'channel',
  'locale',
  'description',
  'consequences',
  'municipality',
  'online',
  'when_precision',
  'when_value',
  'ongoing',
  'witnesses',
  'support_wanted',
  'received_on',
  'assignee_id',
  'urgent',
  'acknowledged_on',
  'closed_on',
  'reject_reason',
  'coded_on',
  'text_deleted_on',
  'flag',
  'updated_at',
] as const satisfies readonly (keyof ReportRow)[];

/** `inferred`: read from the story by the assistant, never confirmed by the reporter (stored apart). */
export type CaseCode = Omit<Pick<Selectable<Database['report_codes']>, 'coder' | 'dimension' | 'code'>, 'coder'> & {
  coder: Selectable<Database['report_codes']>['coder'] | 'inferred';
};
export type CaseMessage = Selectable<Database['report_messages']> & {
  /** An office message as the reporter reads it: in their language where it has a version for it. */
  reader: ReceiptMessageView['translation'];
};
export type CaseNote = Pick<Selectable<Database['report_notes']>, 'id' | 'body' | 'created_at'> & {
  author: string | null;
};
export type CaseLink = Pick<ReportRow, 'id' | 'status' | 'received_on'>;
export type CaseTranslation = Selectable<Database['report_translations']>;

/** One report with everything about it: `cases.view()`, `GET /api/staff/reports/:id`, the report page. */
export interface ReportView {
  report: Pick<ReportRow, (typeof REPORT_VIEW_COLUMNS)[number]>;
  /** Acknowledgement is due on this day (7 days after receipt). */
  ackDue: string;
  codes: CaseCode[];
  messages: CaseMessage[];
  notes: CaseNote[];
  links: CaseLink[];
  translations: CaseTranslation[];
  /** Whether a translator is set up, and the texts still waiting for theirs (or left to a person). */
  translating: { configured: boolean; pending: { subject: string; failed: boolean; lastError: string | null }[] };
  /** Counselling contact details, opened for the caseworker; null when none were given (or already deleted). */
  contact: { storedOn: string; details: ReportContact | null } | null;
}

/** What the reporter will read of a reply before it is sent: each part in their language, or why not. */
export interface ReplyPreview {
  reader: Locale;
  /** The caseworker's words as written: what the reporter reads where there is no translation. */
  body: string;
  phrase: string | null;
  /** The caseworker's words as the reporter will read them; null when they stay German (see `failure`). */
  translation: string | null;
  /** Sent back with the reply, the translation is stored as previewed (server/translation/reply-seal.ts). */
  seal: string | null;
  /** Why there is no translation: the translator's failure, or 'unavailable' without one. */
  failure: string | null;
}

/** The inbox row's columns, read in one narrow query (the excerpt is the description's start). */
export const INBOX_ROW_COLUMNS = [
  'id',
  'received_on',
  'status',
  'locale',
  'urgent',
  'municipality',
  'online',
  'support_wanted',
  'assignee_id',
  'acknowledged_on',
  'coded_on',
  'flag',
  'text_group',
  'updated_at',
] as const satisfies readonly (keyof ReportRow)[];

/** A row of the inbox with what the service works out: the deadline, whether it passed, the codes that count. */
export type InboxRow = Pick<ReportRow, (typeof INBOX_ROW_COLUMNS)[number]> & {
  excerpt: string;
  /** The reporter's messages the office has not read. */
  unread: number;
  /** Files the office holds for the report. */
  evidence: number;
  ackDue: string;
  overdue: boolean;
  codes: { dimension: string; code: string }[];
};

export const INBOX_PAGE_SIZE = 50;

/**
 * A search or a code filter is counted up to this many matches; beyond it the inbox says "more than 1 000"
 * (a count of all would test every report).
 */
export const INBOX_COUNT_CAP = 1000;

/** An inbox page: `cases.inbox()`, `GET /api/staff/reports`, the inbox page. */
export interface InboxView {
  rows: InboxRow[];
  /**
   * Groups of nearly identical texts among the rows (`text_group`), with how many reports of each match the
   * filters; only groups of more than one. Empty when the inbox lists one group's members.
   */
  groups: Record<number, number>;
  /**
   * Matches per status, for the status tabs; empty when the count is capped (a split of a capped count would
   * mislead) or when a search is narrowed by status (the search is counted once, under all its filters).
   */
  counts: Record<string, number>;
  /** Matches under the filters, at most INBOX_COUNT_CAP. */
  total: number;
  /** True when there are more matches than `total` says (a search for a common word, a common code). */
  capped: boolean;
  page: number;
  pages: number;
}
