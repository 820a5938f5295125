import type { Kysely, Transaction } from 'kysely';
import type { Database, NewReportRow, ReportMessageRow, ReportRow } from '../../db/schema';
import { effectiveCodesText } from '../../shared/taxonomy';

export interface CodeRow {
  dimension: string;
  code: string;
}

/** Reports and their codes and messages, in SQL. Knows nothing of HTTP or of receipts' secrets. */
export function createReportsRepo(db: Kysely<Database>) {
  return {
    /** `sealContact` seals the contact details for the new report's id (the id is part of what is sealed). */
    async insert(row: NewReportRow, codes: CodeRow[], sealContact?: (reportId: number) => string): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('reports')
          .values({ ...row, effective_codes: effectiveCodesText(codes) })
          .returning('id')
          .executeTakeFirstOrThrow();
        await insertCodes(trx, id, codes);
        if (sealContact)
          await trx
            .insertInto('report_contacts')
            .values({ report_id: id, sealed: sealContact(id), stored_on: row.received_on })
            .execute();
        return id;
      });
    },

    async findByReceiptHash(receiptHash: string): Promise<ReportRow | undefined> {
      return db.selectFrom('reports').selectAll().where('receipt_hash', '=', receiptHash).executeTakeFirst();
    },

    async messagesOf(reportId: number): Promise<ReportMessageRow[]> {
      return db.selectFrom('report_messages').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
    },

    async addMessage(reportId: number, author: 'reporter' | 'office', body: string, sentOn: string, now: string) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('report_messages')
          .values({ report_id: reportId, author, body, sent_on: sentOn, read_at: null })
          .execute();
        await trx.updateTable('reports').set({ updated_at: now }).where('id', '=', reportId).execute();
      });
    },

    /** The reporter has now seen the office's messages. */
    async markOfficeMessagesRead(reportId: number, now: string) {
      await db
        .updateTable('report_messages')
        .set({ read_at: now })
        .where('report_id', '=', reportId)
        .where('author', '=', 'office')
        .where('read_at', 'is', null)
        .execute();
    },

    /** Withdrawal deletes the report with everything hanging off it: nothing of it stays behind. */
    async delete(reportId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('report_messages').where('report_id', '=', reportId).execute();
        await trx.deleteFrom('report_codes').where('report_id', '=', reportId).execute();
        await trx.deleteFrom('report_notes').where('report_id', '=', reportId).execute();
        await trx.deleteFrom('report_contacts').where('report_id', '=', reportId).execute();
        await trx.deleteFrom('report_translations').where('report_id', '=', reportId).execute();
        await trx
          .deleteFrom('report_links')
          .where((eb) => eb.or([eb('low_id', '=', reportId), eb('high_id', '=', reportId)]))
          .execute();
        await trx.deleteFrom('reports').where('id', '=', reportId).execute();
      });
    },

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

async function insertCodes(trx: Transaction<Database>, reportId: number, codes: CodeRow[]) {
  if (codes.length === 0) return;
  await trx
    .insertInto('report_codes')
    .values(
      codes.map((c) => ({ report_id: reportId, coder: 'reporter' as const, dimension: c.dimension, code: c.code })),
    )
    .execute();
}
