import type { Kysely, Updateable } from 'kysely';
import type { Database, ReportsTable } from '../../db/schema';
import { REPORT_VIEW_COLUMNS, type CaseCode, type CaseLink } from '../../shared/case-views';
import { effectiveCodesText, type ReportStatus } from '../../shared/taxonomy';

const FINAL: readonly ReportStatus[] = ['closed', 'rejected'];

/**
 * One report as caseworkers work on it, in SQL. Reads run on their own; writes are returned as queries, for
 * the service to group with their audit row into one atomic write.
 */
export function createCasesRepo(db: Kysely<Database>) {
  const reportUpdate = (id: number, changes: Updateable<ReportsTable>) =>
    db.updateTable('reports').set(changes).where('id', '=', id);

  return {
    /** What a caseworker sees of the report, with the receipt hash that opens its sealed contact. */
    report(id: number) {
      return db
        .selectFrom('reports')
        .select([...REPORT_VIEW_COLUMNS, 'receipt_hash'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Where a report stands in the workflow, for a status change: one narrow read. */
    workflow(id: number) {
      return db
        .selectFrom('reports')
        .select((eb) => [
          'status',
          eb
            .exists(eb.selectFrom('report_contacts').select('report_id').whereRef('report_id', '=', 'reports.id'))
            .as('has_contact'),
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Whether a report is there at all (after a guarded write found nothing to change). */
    async exists(id: number): Promise<boolean> {
      return Boolean(await db.selectFrom('reports').select('id').where('id', '=', id).executeTakeFirst());
    },

    async codes(id: number): Promise<CaseCode[]> {
      const [coded, inferred] = await Promise.all([
        db
          .selectFrom('report_codes')
          .select(['coder', 'dimension', 'code'])
          .where('report_id', '=', id)
          .orderBy('dimension')
          .orderBy('code')
          .execute(),
        db
          .selectFrom('report_inferred_codes')
          .select(['dimension', 'code'])
          .where('report_id', '=', id)
          .orderBy('dimension')
          .orderBy('code')
          .execute(),
      ]);
      return [...coded, ...inferred.map((c) => ({ coder: 'inferred' as const, ...c }))];
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

    /** The reports linked to this one, from either side of the pair, in one query. */
    links(id: number): Promise<CaseLink[]> {
      return db
        .selectFrom('report_links as l')
        .innerJoin('reports as r', (join) =>
          join.on((eb) =>
            eb(
              'r.id',
              '=',
              eb.case().when('l.low_id', '=', id).then(eb.ref('l.high_id')).else(eb.ref('l.low_id')).end(),
            ),
          ),
        )
        .where((eb) => eb.or([eb('l.low_id', '=', id), eb('l.high_id', '=', id)]))
        .select(['r.id', 'r.status', 'r.received_on'])
        .orderBy('r.id')
        .execute();
    },

    translations(id: number) {
      return db.selectFrom('report_translations').selectAll().where('report_id', '=', id).execute();
    },

    contact(id: number) {
      return db.selectFrom('report_contacts').selectAll().where('report_id', '=', id).executeTakeFirst();
    },

    // Writes, for the service's atomic groups.

    /** A change to the report; as a guard, it fails when the report is gone. */
    update: reportUpdate,

    /** The workflow's step, only from the status it was read in: of two changes at once, one wins. */
    transition(id: number, from: ReportStatus, to: ReportStatus, changes: Updateable<ReportsTable>, today: string) {
      return db
        .updateTable('reports')
        .set((eb) => ({
          ...changes,
          status: to,
          acknowledged_on: eb.fn.coalesce('acknowledged_on', eb.val(today)),
        }))
        .where('id', '=', id)
        .where('status', '=', from);
    },

    /** A reply may go to an open case whose text retention has not removed; it acknowledges the report. */
    acknowledgeOpen(id: number, today: string, now: string) {
      return db
        .updateTable('reports')
        .set((eb) => ({ acknowledged_on: eb.fn.coalesce('acknowledged_on', eb.val(today)), updated_at: now }))
        .where('id', '=', id)
        .where('status', 'not in', FINAL)
        .where('text_deleted_on', 'is', null);
    },

    /** The assignee, only when they may be assigned (case work, account enabled): else no row changes. */
    assign(id: number, assigneeId: number | null, now: string) {
      return db
        .updateTable('reports')
        .set({ assignee_id: assigneeId, updated_at: now })
        .where('id', '=', id)
        .where((eb) =>
          assigneeId === null
            ? eb.and([])
            : eb.exists(
                eb
                  .selectFrom('staff_users')
                  .select('id')
                  .where('id', '=', assigneeId)
                  .where('role', 'in', ['admin', 'caseworker'])
                  .where('disabled', '=', 0),
              ),
        );
    },

    deleteContact(id: number) {
      return db.deleteFrom('report_contacts').where('report_id', '=', id);
    },

    deleteNoticeAddress(id: number) {
      return db.deleteFrom('report_notice_addresses').where('report_id', '=', id);
    },

    /** The caseworker's coding replaces their earlier one; the reporter's rows are never touched. */
    replaceCaseworkerCodes(id: number, codes: { dimension: string; code: string }[], codedOn: string, now: string) {
      return [
        reportUpdate(id, { coded_on: codedOn, effective_codes: effectiveCodesText(codes), updated_at: now }),
        db.deleteFrom('report_codes').where('report_id', '=', id).where('coder', '=', 'caseworker'),
        ...(codes.length
          ? [
              db
                .insertInto('report_codes')
                .values(codes.map((c) => ({ report_id: id, coder: 'caseworker' as const, ...c }))),
            ]
          : []),
      ] as const;
    },

    addNote(id: number, authorId: number, body: string, now: string) {
      return db.insertInto('report_notes').values({ report_id: id, author_id: authorId, body, created_at: now });
    },

    link(a: number, b: number) {
      const [low_id, high_id] = a < b ? [a, b] : [b, a];
      return db
        .insertInto('report_links')
        .values({ low_id, high_id })
        .onConflict((oc) => oc.columns(['low_id', 'high_id']).doNothing());
    },

    unlink(a: number, b: number) {
      const [low, high] = a < b ? [a, b] : [b, a];
      return db.deleteFrom('report_links').where('low_id', '=', low).where('high_id', '=', high);
    },

    /** An office message (German, perhaps opening with a phrase, perhaps with the translation previewed). */
    addOfficeMessage(
      id: number,
      message: { phrase: string | null; body: string; translation: { text: string; locale: string } | null },
      sentOn: string,
    ) {
      return db.insertInto('report_messages').values({
        report_id: id,
        author: 'office',
        body: message.body,
        phrase: message.phrase,
        locale: 'de',
        translation: message.translation?.text ?? null,
        translation_locale: message.translation?.locale ?? null,
        sent_on: sentOn,
        read_at: null,
      });
    },

    /** The office has now seen the reporter's messages. */
    markReporterMessagesRead(id: number, now: string) {
      return db
        .updateTable('report_messages')
        .set({ read_at: now })
        .where('report_id', '=', id)
        .where('author', '=', 'reporter')
        .where('read_at', 'is', null);
    },

    /**
     * A redacted text, only while it is still the text that was read: two redactions at once must not put
     * back what the other removed.
     */
    replaceText(id: number, field: 'description' | 'consequences', was: string, text: string, now: string) {
      return db
        .updateTable('reports')
        .set({ [field]: text, updated_at: now })
        .where('id', '=', id)
        .where(field, '=', was);
    },

    /** The translation goes with the old words; it is made again from the new ones. */
    replaceMessageBody(messageId: number, was: string, body: string) {
      return db
        .updateTable('report_messages')
        .set({ body, translation: null })
        .where('id', '=', messageId)
        .where('body', '=', was);
    },

    replaceTranslationBody(
      id: number,
      field: 'description' | 'consequences',
      locale: string,
      was: string,
      body: string,
    ) {
      return db
        .updateTable('report_translations')
        .set({ body })
        .where('report_id', '=', id)
        .where('field', '=', field)
        .where('locale', '=', locale)
        .where('body', '=', was);
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
