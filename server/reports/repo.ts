import { sql, type Compilable, type Kysely } from 'kysely';
import type { AtomicWriter } from '../../db/atomic';
import type { Database, NewReportRow, ReportMessageRow, ReportRow } from '../../db/schema';
import { effectiveCodesText } from '../../shared/taxonomy';
import { createEvidenceRepo, type NewEvidenceRow } from '../evidence/repo';

export interface CodeRow {
  dimension: string;
  code: string;
}

/** Reports and their codes and messages, in SQL. Knows nothing of HTTP or of receipts' secrets. */
export function createReportsRepo(db: Kysely<Database>, atomic: AtomicWriter) {
  const evidence = createEvidenceRepo(db);
  return {
    /**
     * The report with its codes, its sealed contact where there is one, and the follow-ups, in one
     * atomic write. Each dependent row finds its report by the unique receipt hash, so no statement needs
     * another's result (D1 batches cannot pass results along).
     */
    async insert(row: NewReportRow, codes: CodeRow[], extras: ReportExtras = {}): Promise<void> {
      // All codes in one statement: a VALUES list (columns column1, column2 in SQLite and PostgreSQL alike;
      // D1 refuses long UNION chains but not VALUES) joined to the new report by its receipt hash.
      const values = sql.join(codes.map((c) => sql`(${c.dimension}, ${c.code})`));
      const codeRows = codes.length
        ? [
            db
              .insertInto('report_codes')
              .columns(['report_id', 'coder', 'dimension', 'code'])
              .expression(
                db
                  .selectFrom('reports')
                  .innerJoin(sql<{ column1: string; column2: string }>`(values ${values})`.as('v'), (join) =>
                    join.onTrue(),
                  )
                  .select(['reports.id', sql.lit('reporter').as('coder'), 'v.column1', 'v.column2'])
                  .where('reports.receipt_hash', '=', row.receipt_hash),
              ),
          ]
        : [];
      const contact = extras.sealedContact
        ? [
            db
              .insertInto('report_contacts')
              .columns(['report_id', 'sealed', 'stored_on'])
              .expression(
                db
                  .selectFrom('reports')
                  .select(['id', sql.val(extras.sealedContact).as('sealed'), sql.val(row.received_on).as('stored_on')])
                  .where('receipt_hash', '=', row.receipt_hash),
              ),
          ]
        : [];
      const noticeAddress = extras.sealedNoticeAddress
        ? [
            db
              .insertInto('report_notice_addresses')
              .columns(['report_id', 'sealed', 'stored_on'])
              .expression(
                db
                  .selectFrom('reports')
                  .select([
                    'id',
                    sql.val(extras.sealedNoticeAddress).as('sealed'),
                    sql.val(row.received_on).as('stored_on'),
                  ])
                  .where('receipt_hash', '=', row.receipt_hash),
              ),
          ]
        : [];
      const inferred = extras.inferredCodes?.length
        ? [
            db
              .insertInto('report_inferred_codes')
              .columns(['report_id', 'dimension', 'code'])
              .expression(
                db
                  .selectFrom('reports')
                  .innerJoin(
                    sql<{ column1: string; column2: string }>`(values ${sql.join(
                      extras.inferredCodes.map((c) => sql`(${c.dimension}, ${c.code})`),
                    )})`.as('v'),
                    (join) => join.onTrue(),
                  )
                  .select(['reports.id', 'v.column1', 'v.column2'])
                  .where('reports.receipt_hash', '=', row.receipt_hash),
              ),
          ]
        : [];
      const near = extras.nearDuplicates;
      await atomic([
        // First, so that a repeated post fails here, on the token's primary key, and stores nothing.
        ...sentTokenRows(db, extras.sentToken),
        db.insertInto('reports').values({
          ...row,
          effective_codes: effectiveCodesText(codes),
          ...(near && 'join' in near ? { text_group: near.join } : {}),
        }),
        ...(near ? nearDuplicateRows(db, row, near) : []),
        ...codeRows,
        ...inferred,
        ...contact,
        ...noticeAddress,
        ...evidence.insertForReceipt(row.receipt_hash, extras.evidence ?? []),
        ...(extras.followUps ?? []),
      ]);
    },

    /**
     * The first reports of recent groups (or texts still alone) that share a band with a new text, the most
     * shared first: candidates, to be checked on their texts.
     */
    async nearDuplicateCandidates(bands: string[], since: string, limit: number) {
      if (bands.length === 0) return [];
      return db
        .selectFrom('report_text_bands as b')
        .innerJoin('reports as r', 'r.id', 'b.report_id')
        .select((eb) => ['r.id', 'r.description', eb.fn.countAll<number>().as('shared')])
        .where('b.band', 'in', bands)
        .where('b.received_on', '>=', since)
        .groupBy(['r.id', 'r.description'])
        .orderBy('shared', 'desc')
        .orderBy('r.id')
        .limit(limit)
        .execute();
    },

    /** Whether a form with this one-time token already created something. */
    async tokenUsed(tokenHash: string): Promise<boolean> {
      const row = await db
        .selectFrom('sent_tokens')
        .select('token_hash')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Reports from the public (not entered by staff) received on a day, counted up to `atMost`: the measure of
     * a possible flood. Bounded, so that a flood of a hundred thousand reports does not make each one count them all.
     */
    async publicReportsReceivedOn(day: string, atMost: number): Promise<number> {
      const row = await db
        .selectFrom((eb) =>
          eb
            .selectFrom('reports')
            .select('id')
            .where('received_on', '=', day)
            .where('channel', '<>', 'staff')
            .limit(atMost)
            .as('today'),
        )
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async findByReceiptHash(receiptHash: string): Promise<ReportRow | undefined> {
      return db.selectFrom('reports').selectAll().where('receipt_hash', '=', receiptHash).executeTakeFirst();
    },

    async messagesOf(reportId: number): Promise<ReportMessageRow[]> {
      return db.selectFrom('report_messages').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
    },

    /**
     * A message, files sent with it and the statements that belong to its write (`followUps`: its translation
     * job), in one write; `body` null: files alone. `locale` is the language it is written in; an office
     * message may open with a phrase of the phrasebook. `updatedOn`: a day, never a time.
     */
    async addMessage(
      reportId: number,
      message: { author: 'reporter' | 'office'; body: string | null; locale: string; phrase?: string | null },
      sentOn: string,
      updatedOn: string,
      {
        sentToken,
        files = [],
        followUps = [],
      }: { sentToken?: SentToken | undefined; files?: NewEvidenceRow[] | undefined; followUps?: Compilable[] } = {},
    ) {
      const { body } = message;
      await atomic([
        ...sentTokenRows(db, sentToken),
        ...(body === null
          ? []
          : [
              db.insertInto('report_messages').values({
                report_id: reportId,
                author: message.author,
                body,
                locale: message.locale,
                phrase: message.phrase ?? null,
                sent_on: sentOn,
                read_at: null,
              }),
            ]),
        ...evidence.insertForReport(reportId, files),
        db.updateTable('reports').set({ updated_at: updatedOn }).where('id', '=', reportId),
        ...followUps,
      ]);
    },

    /** The reporter has now seen the office's messages: on this day (never at a time). */
    async markOfficeMessagesRead(reportId: number, readOn: string) {
      await db
        .updateTable('report_messages')
        .set({ read_at: readOn })
        .where('report_id', '=', reportId)
        .where('author', '=', 'office')
        .where('read_at', 'is', null)
        .execute();
    },

    /**
     * Withdrawal deletes the report with everything hanging off it: nothing of it stays behind. Returns the ids
     * of its evidence files, whose bytes (outside these tables) must follow.
     */
    async delete(reportId: number): Promise<{ evidenceIds: string[] }> {
      const evidenceIds = await evidence.idsOfReports([reportId]);
      await atomic([
        evidence.deleteOfReports([reportId]),
        db.deleteFrom('report_messages').where('report_id', '=', reportId),
        db.deleteFrom('report_codes').where('report_id', '=', reportId),
        db.deleteFrom('report_inferred_codes').where('report_id', '=', reportId),
        db.deleteFrom('report_notes').where('report_id', '=', reportId),
        db.deleteFrom('report_contacts').where('report_id', '=', reportId),
        db.deleteFrom('report_notice_addresses').where('report_id', '=', reportId),
        db.deleteFrom('report_translations').where('report_id', '=', reportId),
        db.deleteFrom('report_text_bands').where('report_id', '=', reportId),
        db.deleteFrom('translation_jobs').where('report_id', '=', reportId),
        db.deleteFrom('report_links').where((eb) => eb.or([eb('low_id', '=', reportId), eb('high_id', '=', reportId)])),
        db.deleteFrom('reports').where('id', '=', reportId),
      ]);
      return { evidenceIds };
    },

    evidenceCount: (reportId: number) => evidence.countOf(reportId),

    async codesOf(reportId: number, coder: 'reporter' | 'caseworker'): Promise<CodeRow[]> {
      return db
        .selectFrom('report_codes')
        .select(['dimension', 'code'])
        .where('report_id', '=', reportId)
        .where('coder', '=', coder)
        .execute();
    },
  };
}
export type ReportsRepo = ReturnType<typeof createReportsRepo>;

/** A used one-time form token: its keyed hash, the day, and the day before which used tokens are forgotten. */
export interface SentToken {
  hash: string;
  day: string;
  forgetBefore: string;
}

/** The writes that place a new report among nearly identical texts (see NearDuplicates). */
function nearDuplicateRows(db: Kysely<Database>, row: NewReportRow, near: NearDuplicates) {
  const forget = db.deleteFrom('report_text_bands').where('received_on', '<', near.forgetBefore);
  if ('join' in near)
    // The group's first report names itself once it has a copy.
    return [
      forget,
      db
        .updateTable('reports')
        .set({ text_group: near.join })
        .where('id', '=', near.join)
        .where('text_group', 'is', null),
    ];
  if (near.bands.length === 0) return [forget];
  const values = sql.join(near.bands.map((band) => sql`(${band})`));
  return [
    forget,
    db
      .insertInto('report_text_bands')
      .columns(['band', 'report_id', 'received_on'])
      .expression(
        db
          .selectFrom('reports')
          .innerJoin(sql<{ column1: string }>`(values ${values})`.as('v'), (join) => join.onTrue())
          .select(['v.column1', 'reports.id', 'reports.received_on'])
          .where('reports.receipt_hash', '=', row.receipt_hash),
      ),
  ];
}

function sentTokenRows(db: Kysely<Database>, token: SentToken | undefined) {
  if (!token) return [];
  return [
    db.deleteFrom('sent_tokens').where('sent_on', '<', token.forgetBefore),
    db.insertInto('sent_tokens').values({ token_hash: token.hash, sent_on: token.day }),
  ];
}

export interface ReportExtras {
  /** The one-time token of the form that sent the report. */
  sentToken?: SentToken;
  /** Contact details for counselling, already sealed (they never enter the report's own columns). */
  sealedContact?: string;
  /** The reporter's address for notices of new messages, sealed. */
  sealedNoticeAddress?: string;
  /**
   * Statements that belong to the same write and find the report by its receipt hash themselves: the jobs
   * that ask for its translation (server/translation/).
   */
  followUps?: Compilable[];
  /** Codes the assistant read from the story that the reporter did not confirm, stored apart. */
  inferredCodes?: CodeRow[];
  /** Its place among nearly identical texts (./near-duplicates.ts): none, or the group it joins. */
  nearDuplicates?: NearDuplicates;
  /** Evidence files already sealed in the store, whose rows are written with the report. */
  evidence?: NewEvidenceRow[];
}

/**
 * A text that joins the group of an earlier one (`join`: that group's first report), or one that starts its
 * own and keeps its bands until `forgetBefore` (band rows of days before it go in the same write).
 */
export type NearDuplicates = { join: number; forgetBefore: string } | { bands: string[]; forgetBefore: string };
