import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { Database } from '../../db/schema';
import { INBOX_PAGE_SIZE, INBOX_ROW_COLUMNS, type InboxRow } from '../../shared/case-views';
import type { InboxFlagFilter } from '../../shared/staff';
import type { CodedDimension } from '../../shared/taxonomy';
import type { ReportTextSearch } from './search';

/** The inbox's filters once the service has resolved them (e.g. "me" to an id, "overdue" to a cut-off day). */
export interface InboxFilter {
  statuses?: readonly string[];
  codes: { dimension: CodedDimension; code: string }[];
  municipality?: string;
  online?: boolean;
  /** The language the report was written in. */
  language?: string;
  receivedFrom?: string;
  receivedTo?: string;
  urgent?: boolean;
  supportWanted?: boolean;
  /** Unacknowledged reports received before this day. */
  unacknowledgedBefore?: string;
  unreadMessages?: boolean;
  /** Only reports with screenshots, photos or letters. */
  withEvidence?: boolean;
  assignee?: number | 'none';
  flag?: InboxFlagFilter;
  /** The members of one group of nearly identical texts. */
  textGroup?: number;
  searchTerms: string[];
}

/** An inbox row as SQL reads it; the service adds what it works out (see InboxRow in shared/case-views.ts). */
export type InboxRecord = Omit<InboxRow, 'ackDue' | 'overdue' | 'codes'> & { effective_codes: string };

export const EXCERPT_LENGTH = 160;

type Eb = ExpressionBuilder<Database, 'reports'>;

/**
 * A report carries a code when its effective coding has it: the caseworker's once there is one, the
 * reporter's before (both stay in report_codes; the row keeps a copy of the one that counts).
 */
function hasEffectiveCode(eb: Eb, dimension: string, code: string): Expression<SqlBool> {
  // Codes are [a-z_]; the underscore is escaped so that LIKE matches it literally.
  const needle = `%|${dimension}:${code}|%`.replace(/_/g, '\\_');
  return sql<SqlBool>`${eb.ref('reports.effective_codes')} like ${needle} escape '\\'`;
}

/** The inbox in SQL: one query for a page, one for the counts per status under the same filters. */
export function createInboxRepo(db: Kysely<Database>, search: ReportTextSearch) {
  function conditions(eb: Eb, filter: InboxFilter, withStatus: boolean): Expression<SqlBool> {
    const all: Expression<SqlBool>[] = [];
    if (withStatus && filter.statuses) all.push(eb('reports.status', 'in', filter.statuses));
    for (const { dimension, code } of filter.codes) all.push(hasEffectiveCode(eb, dimension, code));
    if (filter.municipality) all.push(eb('reports.municipality', '=', filter.municipality));
    if (filter.online) all.push(eb('reports.online', '=', 1));
    if (filter.language) all.push(eb('reports.locale', '=', filter.language));
    if (filter.receivedFrom) all.push(eb('reports.received_on', '>=', filter.receivedFrom));
    if (filter.receivedTo) all.push(eb('reports.received_on', '<=', filter.receivedTo));
    if (filter.urgent) all.push(eb('reports.urgent', '=', 1));
    if (filter.supportWanted) all.push(eb('reports.support_wanted', '=', 1));
    if (filter.unacknowledgedBefore) {
      all.push(eb('reports.acknowledged_on', 'is', null));
      all.push(eb('reports.received_on', '<', filter.unacknowledgedBefore));
      all.push(eb('reports.status', 'not in', ['closed', 'rejected']));
    }
    if (filter.unreadMessages) all.push(eb.exists(unreadFromReporter(eb)));
    if (filter.withEvidence)
      all.push(
        eb.exists(
          eb
            .selectFrom('report_evidence as e')
            .select(sql`1`.as('one'))
            .whereRef('e.report_id', '=', 'reports.id'),
        ),
      );
    if (filter.assignee === 'none') all.push(eb('reports.assignee_id', 'is', null));
    else if (filter.assignee) all.push(eb('reports.assignee_id', '=', filter.assignee));
    if (filter.flag === 'flagged') all.push(eb('reports.flag', 'is not', null));
    else if (filter.flag === 'none') all.push(eb('reports.flag', 'is', null));
    else if (filter.flag) all.push(eb('reports.flag', '=', filter.flag));
    if (filter.textGroup) all.push(eb('reports.text_group', '=', filter.textGroup));
    return eb.and(all);
  }

  const unreadFromReporter = (eb: Eb) =>
    eb
      .selectFrom('report_messages as m')
      .select(sql`1`.as('one'))
      .whereRef('m.report_id', '=', 'reports.id')
      .where('m.author', '=', 'reporter')
      .where('m.read_at', 'is', null);

  const matching = (filter: InboxFilter, withStatus: boolean) => {
    const source = search.source(filter.searchTerms);
    return { ...source, reports: source.reports.where((eb) => conditions(eb, filter, withStatus)) };
  };

  return {
    /**
     * The page's ids come from a narrow subquery (an index can answer it, whatever the planner sorts); only
     * those fifty wide rows are read. One statement: one round trip to the database.
     */
    async page(filter: InboxFilter, page: number): Promise<InboxRecord[]> {
      const { reports, newestFirst } = matching(filter, true);
      const pageIds = reports
        .select('reports.id')
        .orderBy(newestFirst, 'desc')
        .limit(INBOX_PAGE_SIZE)
        .offset((page - 1) * INBOX_PAGE_SIZE);
      return db
        .selectFrom('reports')
        .select((eb) => [
          ...INBOX_ROW_COLUMNS.map((column) => `reports.${column}` as const),
          'reports.effective_codes',
          eb.fn<string>('substr', ['reports.description', eb.val(1), eb.val(EXCERPT_LENGTH)]).as('excerpt'),
          eb
            .selectFrom('report_messages as m')
            .select((m) => m.fn.countAll<number>().as('n'))
            .whereRef('m.report_id', '=', 'reports.id')
            .where('m.author', '=', 'reporter')
            .where('m.read_at', 'is', null)
            .as('unread'),
          eb
            .selectFrom('report_evidence as e')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('e.report_id', '=', 'reports.id')
            .as('evidence'),
        ])
        .where('reports.id', 'in', pageIds)
        .orderBy('reports.id', 'desc')
        .execute() as Promise<InboxRecord[]>;
    },

    /**
     * Matches per status, counted up to `cap` (the counts are then incomplete: `capped`), or all of them.
     * `withStatus`: under the status filter too, or across all statuses (for the tabs).
     */
    async countsByStatus(
      filter: InboxFilter,
      { withStatus, cap }: { withStatus: boolean; cap?: number },
    ): Promise<{ counts: Record<string, number>; capped: boolean }> {
      const { reports } = matching(filter, withStatus);
      const rows =
        cap === undefined
          ? await reports
              .select((eb) => ['reports.status', eb.fn.countAll<number>().as('n')])
              .groupBy('reports.status')
              .execute()
          : await db
              .selectFrom(
                reports
                  .select('reports.status')
                  .limit(cap + 1)
                  .as('matching'),
              )
              .select((eb) => ['matching.status', eb.fn.countAll<number>().as('n')])
              .groupBy('matching.status')
              .execute();
      const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      const capped = cap !== undefined && Object.values(counts).reduce((a, b) => a + b, 0) > cap;
      return { counts, capped };
    },

    /**
     * How many reports of each group of nearly identical texts match the filters: the inbox shows a group as
     * one row, "12 nearly identical reports".
     */
    async groupSizes(filter: InboxFilter, groups: readonly number[]): Promise<Map<number, number>> {
      if (groups.length === 0) return new Map();
      const rows = await matching(filter, true)
        .reports.where('reports.text_group', 'in', groups)
        .select((eb) => ['reports.text_group', eb.fn.countAll<number>().as('n')])
        .groupBy('reports.text_group')
        .execute();
      return new Map(rows.map((r) => [Number(r.text_group), Number(r.n)]));
    },

    /** Every matching report, for the CSV export, in pages so that memory stays flat. */
    async *allMatching(filter: InboxFilter, withText: boolean) {
      const batch = 1000;
      let beforeId: number | undefined;
      for (;;) {
        const { reports, newestFirst } = matching(filter, true);
        const rows = await reports
          .selectAll('reports')
          .where((eb) => (beforeId === undefined ? eb.and([]) : eb('reports.id', '<', beforeId)))
          .orderBy(newestFirst, 'desc')
          .limit(batch)
          .execute();
        if (rows.length === 0) return;
        const codes = await db
          .selectFrom('report_codes')
          .select(['report_id', 'coder', 'dimension', 'code'])
          .where(
            'report_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        yield rows.map((r) => ({
          ...r,
          description: withText ? r.description : '',
          consequences: withText ? r.consequences : '',
          codes: codes.filter((c) => c.report_id === r.id),
        }));
        beforeId = rows.at(-1)!.id;
      }
    },
  };
}
export type InboxRepo = ReturnType<typeof createInboxRepo>;
