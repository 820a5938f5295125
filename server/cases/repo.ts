import type { AtomicWriter } from '../../db/atomic';
import type { Compilable, Kysely, Updateable } from 'kysely';
import type { Database, ReportsTable } from '../../db/schema';
import { effectiveCodesText } from '../../shared/taxonomy';

export interface CaseCode {
  coder: 'reporter' | 'caseworker';
  dimension: string;
  code: string;
}

/** One report as caseworkers work on it, in SQL: fields, codes, notes, links, messages, contact, translations. */
export function createCasesRepo(db: Kysely<Database>, atomic: AtomicWriter) {
  return {
    report(id: number) {
      return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    },

    codes(id: number): Promise<CaseCode[]> {
      return db
        .selectFrom('report_codes')
        .select(['coder', 'dimension', 'code'])
        .where('report_id', '=', id)
        .orderBy('dimension')
        .orderBy('code')
        .execute();
    },

    messages(id: number) {
      return db.selectFrom('report_messages').selectAll().where('report_id', '=', id).orderBy('id').execute();
    },

    notes(id: number) {
      return db
        .selectFrom('report_notes as n')
        .leftJoin('staff_users as u', 'u.id', 'n.author_id')
        .select(['n.id', 'n.body', 'n.created_at', 'u.display_name as author'])
        .where('n.report_id', '=', id)
        .orderBy('n.id')
        .execute();
    },

    async links(id: number) {
      const rows = await db
        .selectFrom('report_links')
        .select(['low_id', 'high_id'])
        .where((eb) => eb.or([eb('low_id', '=', id), eb('high_id', '=', id)]))
        .execute();
      const ids = rows.map((r) => (r.low_id === id ? r.high_id : r.low_id));
      if (ids.length === 0) return [];
      return db
        .selectFrom('reports')
        .select(['id', 'status', 'received_on'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();
    },

    translations(id: number) {
      return db.selectFrom('report_translations').selectAll().where('report_id', '=', id).execute();
    },

    contact(id: number) {
      return db.selectFrom('report_contacts').selectAll().where('report_id', '=', id).executeTakeFirst();
    },

    async update(id: number, changes: Updateable<ReportsTable>) {
      await db.updateTable('reports').set(changes).where('id', '=', id).execute();
    },

    /** The caseworker's coding replaces their earlier one; the reporter's rows are never touched. */
    async replaceCaseworkerCodes(
      id: number,
      codes: { dimension: string; code: string }[],
      codedOn: string,
      now: string,
    ) {
      await atomic([
        db.deleteFrom('report_codes').where('report_id', '=', id).where('coder', '=', 'caseworker'),
        ...(codes.length
          ? [
              db
                .insertInto('report_codes')
                .values(codes.map((c) => ({ report_id: id, coder: 'caseworker' as const, ...c }))),
            ]
          : []),
        db
          .updateTable('reports')
          .set({ coded_on: codedOn, effective_codes: effectiveCodesText(codes), updated_at: now })
          .where('id', '=', id),
      ]);
    },

    async addNote(id: number, authorId: number, body: string, now: string): Promise<number> {
      const row = await db
        .insertInto('report_notes')
        .values({ report_id: id, author_id: authorId, body, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async link(a: number, b: number) {
      const [low_id, high_id] = a < b ? [a, b] : [b, a];
      await db
        .insertInto('report_links')
        .values({ low_id, high_id })
        .onConflict((oc) => oc.columns(['low_id', 'high_id']).doNothing())
        .execute();
    },

    async unlink(a: number, b: number) {
      const [low, high] = a < b ? [a, b] : [b, a];
      await db.deleteFrom('report_links').where('low_id', '=', low).where('high_id', '=', high).execute();
    },

    /** An office message (German, perhaps opening with a phrase), with its translation job in the same write. */
    async addOfficeMessage(
      id: number,
      message: { phrase: string | null; body: string; translation: { text: string; locale: string } | null },
      sentOn: string,
      changes: Updateable<ReportsTable>,
      followUps: Compilable[] = [],
    ) {
      await atomic([
        db.insertInto('report_messages').values({
          report_id: id,
          author: 'office',
          body: message.body,
          phrase: message.phrase,
          locale: 'de',
          translation: message.translation?.text ?? null,
          translation_locale: message.translation?.locale ?? null,
          sent_on: sentOn,
          read_at: null,
        }),
        db.updateTable('reports').set(changes).where('id', '=', id),
        ...followUps,
      ]);
    },

    /** Statements that belong together (e.g. the translation jobs of changed texts), as one write. */
    async write(statements: Compilable[]) {
      if (statements.length) await atomic(statements);
    },

    /** The office has now seen the reporter's messages. */
    async markReporterMessagesRead(id: number, now: string) {
      await db
        .updateTable('report_messages')
        .set({ read_at: now })
        .where('report_id', '=', id)
        .where('author', '=', 'reporter')
        .where('read_at', 'is', null)
        .execute();
    },

    /** A message's words changed (a passage removed): its translation with them, whatever it still holds. */
    async setMessageBody(messageId: number, body: string, translation: string | null) {
      await db.updateTable('report_messages').set({ body, translation }).where('id', '=', messageId).execute();
    },

    async setTranslationBody(id: number, field: string, locale: string, body: string) {
      await db
        .updateTable('report_translations')
        .set({ body })
        .where('report_id', '=', id)
        .where('field', '=', field as 'description')
        .where('locale', '=', locale)
        .execute();
    },

    async deleteContact(id: number): Promise<boolean> {
      const result = await db.deleteFrom('report_contacts').where('report_id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Staff who can be assigned a case. */
    assignableStaff() {
      return db
        .selectFrom('staff_users')
        .select(['id', 'display_name', 'username'])
        .where('role', 'in', ['admin', 'caseworker'])
        .where('disabled', '=', 0)
        .orderBy('display_name')
        .execute();
    },
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
