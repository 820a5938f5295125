/**
 * Why a report is flagged for a caseworker's look before it counts in the statistics: it came while the
 * day's soft limit for the whole portal was exceeded (`flood`), or without the proof of work that browsers
 * with JavaScript solve (`unverified`). When both apply, `flood`. A flag never refuses a report.
 */
export const REPORT_FLAGS = ['flood', 'unverified'] as const;
export type ReportFlag = (typeof REPORT_FLAGS)[number];
