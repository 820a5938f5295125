import type { Generated, Insertable, Selectable } from 'kysely';
import type { ReportFlag } from '../shared/report-flags';

/**
 * The one truth about tables. Dates are ISO strings so that SQLite, PostgreSQL and D1 store them alike.
 * Nothing here identifies a reporter: no IP, no user agent, no time of day of the incident.
 */
export interface Database {
  reports: ReportsTable;
  report_codes: ReportCodesTable;
  report_inferred_codes: ReportInferredCodesTable;
  report_messages: ReportMessagesTable;
  report_notes: ReportNotesTable;
  report_links: ReportLinksTable;
  report_contacts: ReportContactsTable;
  report_notice_addresses: ReportNoticeAddressesTable;
  report_translations: ReportTranslationsTable;
  /** A recent text's sketch, to find nearly identical texts (migration 0015); kept two days. */
  report_text_bands: ReportTextBandsTable;
  report_evidence: ReportEvidenceTable;
  evidence_blobs: EvidenceBlobsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_login_failures: StaffLoginFailuresTable;
  audit_log: AuditLogTable;
  sent_tokens: SentTokensTable;
  stats_daily: StatsDailyTable;
  stats_daily_pairs: StatsDailyPairsTable;
  stats_daily_reports: StatsDailyReportsTable;
  stats_dirty_days: StatsDirtyDaysTable;
  /** Read-only views: one row per counted report and effective code (see migration 0005). */
  stats_report_codes: StatsReportCodesView;
  settings: SettingsTable;
  notification_queue: NotificationQueueTable;
  staff_notification_settings: StaffNotificationSettingsTable;
  notification_days: NotificationDaysTable;
  translation_jobs: TranslationJobsTable;
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
  /**
   * The last change: a day when the reporter caused it (sending, a message), exact when staff did. A time
   * of day of a reporter's action, matched against any network log, would point at a connection.
   */
  updated_at: string;
  assignee_id: number | null;
  urgent: Generated<number>;
  /** The day the office first answered or moved the report on; due 7 days after receipt. */
  acknowledged_on: string | null;
  /** Set when closed or rejected: retention counts from this day. */
  closed_on: string | null;
  reject_reason: string | null;
  /** Set once a caseworker coded the report: from then on statistics and filters use the caseworker's codes. */
  coded_on: string | null;
  /** Set when retention removed the free text and messages; the coded record stays. */
  text_deleted_on: string | null;
  /**
   * The codes that count, as "|dimension:code|…|": the caseworker's once coded, else the reporter's. Derived
   * from report_codes (the truth) whenever either coding is written; it makes inbox filters one index scan.
   */
  effective_codes: Generated<string>;
  /** How a report entered by staff reached the office (phone, letter …), a code; null for the other channels. */
  received_via: string | null;
  /**
   * The report's German translations as one text, for the full-text index: a copy kept by triggers on
   * report_translations (migration 0012), never written by the app.
   */
  search_translation: Generated<string | null>;
  /** 'flood' or 'unverified' (shared/report-flags.ts): out of the statistics until a caseworker looked; else null. */
  flag: ReportFlag | null;
  /** The first report of its group of nearly identical texts sent within two days; null when it has none. */
  text_group: number | null;
}

/** One row per code and coder: several grounds and forms may apply, and a caseworker's coding sits beside the reporter's. */
export interface ReportCodesTable {
  report_id: number;
  coder: 'reporter' | 'caseworker';
  dimension: string;
  code: string;
}

/** Codes the assistant read from the story that the reporter did not confirm: shown to caseworkers as inferred. */
export interface ReportInferredCodesTable {
  report_id: number;
  dimension: string;
  code: string;
}

export interface ReportMessagesTable {
  id: Generated<number>;
  report_id: number;
  author: 'reporter' | 'office';
  body: string;
  sent_on: string;
  /**
   * When the other side read it: the office reading the reporter's (exact), the reporter reading the office's
   * (a day only, as everything a reporter causes).
   */
  read_at: string | null;
  /** The language `body` is written in; null for messages from before it was kept (then the report's, or German). */
  locale: string | null;
  /** The phrasebook entry an office message opens with (shared/i18n/phrasebook); `body` holds the words after it. */
  phrase: string | null;
  /** The machine translation of `body` into `translation_locale`: only ever a machine's, shown marked as such. */
  translation: string | null;
  translation_locale: string | null;
}

/** Caseworkers' internal notes: never shown to the reporter. */
export interface ReportNotesTable {
  id: Generated<number>;
  report_id: number;
  author_id: number;
  body: string;
  created_at: string;
}

export interface ReportLinksTable {
  low_id: number;
  high_id: number;
}

/** Contact details for counselling, AES-256-GCM sealed; deleted when the case is closed. */
export interface ReportContactsTable {
  report_id: number;
  sealed: string;
  stored_on: string;
}

/** A reporter's address for "there is a new message for your report", sealed; gone when the case closes. */
export interface ReportNoticeAddressesTable {
  report_id: number;
  sealed: string;
  stored_on: string;
}

/**
 * A text waiting for its machine translation (server/translation/): deleted once translated. No time is kept:
 * retries are timed from `attempts`, so the row never tells when a reporter sent the text.
 */
export interface TranslationJobsTable {
  id: Generated<number>;
  report_id: number;
  /** 'description', 'consequences' or 'message:<id>'. */
  subject: string;
  source: string;
  target: string;
  attempts: Generated<number>;
  /** Why the last attempt failed, a short code ('unavailable', 'timeout', 'unsupported' …), for the back office. */
  last_error: string | null;
  /** 1: not retried by itself any more (the translator cannot do it); "translate now" tries again. */
  failed: Generated<number>;
}

/** A translation of a free-text field (German for the caseworkers), marked when a machine made it. */
export interface ReportTranslationsTable {
  report_id: number;
  field: 'description' | 'consequences';
  locale: string;
  body: string;
  machine: Generated<number>;
}

export interface ReportTextBandsTable {
  /** A hash of one band of the text's MinHash signature: no word can be read back from it. */
  band: string;
  report_id: number;
  received_on: string;
}

/** A cleaned evidence file of a report; its sealed bytes are in the evidence store under `files/<id>`. */
export interface ReportEvidenceTable {
  id: string;
  report_id: number;
  kind: 'jpeg' | 'png' | 'webp' | 'pdf';
  /** Of the cleaned file. */
  bytes: number;
  width: number;
  height: number;
  pages: number | null;
  source: 'report' | 'reporter' | 'staff';
  added_on: string;
  /** The day a caseworker last covered an area of it. */
  covered_on: string | null;
}

/** Sealed evidence bytes where the database is the evidence store (PostgreSQL). */
export interface EvidenceBlobsTable {
  key: string;
  sealed: Uint8Array;
  /** Day only. */
  stored_on: string;
}

export interface StaffUsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'admin' | 'caseworker' | 'analyst';
  locale: Generated<string>;
  /** argon2id, PHC string. */
  password_hash: string;
  must_change_password: Generated<number>;
  /** Sealed like contact details; null until enrolment is confirmed. */
  totp_secret: string | null;
  totp_required: Generated<number>;
  /** The last accepted time step: a code is accepted once, so an overheard one cannot be replayed. */
  totp_last_step: number | null;
  disabled: Generated<number>;
  created_at: string;
}

export interface StaffSessionsTable {
  /** SHA-256 of the cookie's token: a leaked table does not hand out sessions. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however active the session is. */
  expires_at: string;
}

export interface StaffLoginFailuresTable {
  /** Keyed hash of the lower-cased user name, also for names that do not exist. */
  key_hash: string;
  failures: number;
  first_failed_at: string;
  locked_until: string | null;
}

/** Who did what and when. Never report text: ids, codes and counts only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  report_id: number | null;
  /** JSON of ids, codes and counts. */
  detail: Generated<string>;
}

/** Per day of receipt, dimension and code: how many counted reports carry the code. */
export interface StatsDailyTable {
  day: string;
  dimension: string;
  code: string;
  count: number;
}

/** Per day: how many counted reports carry both codes of a cross-table ("ground_life_domain"). */
export interface StatsDailyPairsTable {
  day: string;
  pair: string;
  code_a: string;
  code_b: string;
  count: number;
}

/** Per day: counted reports (distinct), the total of the tables where a report may carry several codes. */
export interface StatsDailyReportsTable {
  day: string;
  reports: number;
}

/** Days whose aggregates are out of date; the version says whether a write came after a refresh began. */
export interface StatsDirtyDaysTable {
  day: string;
  version: number;
}

export interface StatsReportCodesView {
  report_id: number;
  day: string;
  dimension: string;
  code: string;
}

/** Switches admins flip at run time; every change is audited. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export type ReportRow = Selectable<ReportsTable>;
export type NewReportRow = Insertable<ReportsTable>;
export type ReportMessageRow = Selectable<ReportMessagesTable>;
export type StaffUserRow = Selectable<StaffUsersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

/** A used one-time form token, as a keyed hash, kept for a day so that a repeated post stores nothing. */
export interface SentTokensTable {
  token_hash: string;
  /** Day only, like everything a reporter causes. */
  sent_on: string;
}

/**
 * Notices waiting to be delivered: a kind and a recipient, nothing about any report (no id, no text, no time of
 * the event). Deleted once delivered; one waiting row per kind and recipient absorbs the next notice of its kind.
 */
export interface NotificationQueueTable {
  id: Generated<number>;
  kind: string;
  /** "staff:<id>", "office" (the shared mailbox) or "webhook". */
  recipient: string;
  /**
   * Made at the first attempt and kept across retries: the mail's Message-ID, the webhook's id, the mail API's
   * idempotency key, so that a receiver can drop a repeat (after a crash between sending and deleting the row).
   */
  delivery_key: string | null;
  attempts: Generated<number>;
  /** Null: due at once. Set only after a failed attempt (exponential backoff). */
  next_attempt_at: string | null;
  /** An instance delivering the row holds it until then, so that several instances never send it twice. */
  claimed_until: string | null;
  /** A short reason of the last failure (an error code or status), for the admins' view of the queue. */
  last_error: string | null;
  /** The day delivery was given up (a permanent refusal, or too many attempts); the next notice revives the row. */
  failed_on: string | null;
  /** 1 when a notice of the same kind came while this row was being delivered: it is delivered once more. */
  follow_up: Generated<number>;
}

/** A staff account's opt-in: where notices go and whether each one or a daily digest. No row: none. */
export interface StaffNotificationSettingsTable {
  user_id: number;
  email: string;
  mode: 'instant' | 'digest';
  updated_at: string;
}

/** The days whose daily notices (acknowledgements due tomorrow, digests) were queued: each day once. */
export interface NotificationDaysTable {
  day: string;
}
