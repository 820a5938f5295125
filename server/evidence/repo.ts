import { sql, type Kysely } from 'kysely';
import type { Database, ReportEvidenceTable } from '../../db/schema';
import type { Insertable, Selectable } from 'kysely';

export type EvidenceRow = Selectable<ReportEvidenceTable>;
/** A file's row before its report exists (it is written in the report's own atomic write). */
export type NewEvidenceRow = Omit<Insertable<ReportEvidenceTable>, 'report_id'>;

/** The key of a file's sealed bytes and of its thumbnail in the evidence store. */
export function fileKeys(id: string): { file: string; thumbnail: string } {
  return { file: `files/${id}`, thumbnail: `files/${id}.thumb` };
}

/** Evidence rows in SQL. The bytes are the store's. */
export function createEvidenceRepo(db: Kysely<Database>) {
  return {
    /**
     * Statements that add files to the report with this receipt hash: for the same atomic write that stores
     * the report (each row finds its report by the unique hash, as D1 batches cannot pass ids along).
     */
    insertForReceipt(receiptHash: string, rows: NewEvidenceRow[]) {
      return rows.map((row) =>
        db
          .insertInto('report_evidence')
          .columns(['id', 'report_id', 'kind', 'bytes', 'width', 'height', 'pages', 'source', 'added_on', 'covered_on'])
          .expression(
            db
              .selectFrom('reports')
              .select([
                sql.val(row.id).as('id'),
                'id as report_id',
                sql.val(row.kind).as('kind'),
                sql.val(row.bytes).as('bytes'),
                sql.val(row.width).as('width'),
                sql.val(row.height).as('height'),
                sql.val(row.pages ?? null).as('pages'),
                sql.val(row.source).as('source'),
                sql.val(row.added_on).as('added_on'),
                sql.val(null).as('covered_on'),
              ])
              .where('receipt_hash', '=', receiptHash),
          ),
      );
    },

    insertForReport(reportId: number, rows: NewEvidenceRow[]) {
      return rows.map((row) => db.insertInto('report_evidence').values({ ...row, report_id: reportId }));
    },

    ofReport(reportId: number): Promise<EvidenceRow[]> {
      return db
        .selectFrom('report_evidence')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('added_on')
        .orderBy('id')
        .execute();
    },

    find(id: string): Promise<EvidenceRow | undefined> {
      return db.selectFrom('report_evidence').selectAll().where('id', '=', id).executeTakeFirst();
    },

    countOf(reportId: number): Promise<number> {
      return db
        .selectFrom('report_evidence')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('report_id', '=', reportId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    /** The ids of files of these reports: read before the rows go, so that their bytes can follow. */
    async idsOfReports(reportIds: number[]): Promise<string[]> {
      if (reportIds.length === 0) return [];
      const rows = await db.selectFrom('report_evidence').select('id').where('report_id', 'in', reportIds).execute();
      return rows.map((r) => r.id);
    },

    /** For the same atomic write that deletes or empties the reports. */
    deleteOfReports(reportIds: number[]) {
      return db.deleteFrom('report_evidence').where('report_id', 'in', reportIds);
    },

    deleteOne(id: string) {
      return db.deleteFrom('report_evidence').where('id', '=', id);
    },

    /** Which of these ids still have a row (the rest are leftovers of an interrupted write). */
    async existing(ids: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const batch = ids.slice(i, i + 500);
        for (const r of await db.selectFrom('report_evidence').select('id').where('id', 'in', batch).execute())
          found.add(r.id);
      }
      return found;
    },
  };
}
export type EvidenceRepo = ReturnType<typeof createEvidenceRepo>;
