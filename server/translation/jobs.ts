import { sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A text that waits for its machine translation. */
export interface TranslationJob {
  id: number;
  reportId: number;
  subject: TranslationSubject;
  source: string;
  target: string;
  attempts: number;
  lastError: string | null;
  failed: boolean;
}

export type TranslationSubject = 'description' | 'consequences' | `message:${number}`;

/** German and Leichte Sprache are both German: between them nothing is translated. */
const GERMAN = ['de', 'de-LS'];

/**
 * The queue of translation jobs in SQL. Every write that stores a text asks for its translation with one
 * more statement in the same atomic write (`forReport`, `forMessages`): idempotent (one job per text), so
 * asking twice adds nothing, and a job exists exactly when the text does. The worker takes a job by raising
 * its count of attempts (`claim`), so two instances never both count one attempt, and finishes it by writing
 * the translation beside the text only while the text is still the one translated (`finish`).
 */
export function createTranslationJobs(db: Kysely<Database>) {
  /** A report's description and consequences, when written in another language than German and not translated. */
  function forReport(where: { receiptHash: string } | { id: number }): Compilable[] {
    return (['description', 'consequences'] as const).map((field) =>
      db
        .insertInto('translation_jobs')
        .columns(['report_id', 'subject', 'source', 'target'])
        .expression(
          db
            .selectFrom('reports as r')
            .select(['r.id', sql.lit(field).as('subject'), 'r.locale', sql.lit('de').as('target')])
            .where((eb) =>
              'receiptHash' in where ? eb('r.receipt_hash', '=', where.receiptHash) : eb('r.id', '=', where.id),
            )
            .where('r.locale', 'not in', GERMAN)
            .where(`r.${field}`, '<>', '')
            .where('r.text_deleted_on', 'is', null)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('report_translations as t')
                    .select('t.report_id')
                    .whereRef('t.report_id', '=', 'r.id')
                    .where('t.field', '=', field)
                    .where('t.locale', '=', 'de'),
                ),
              ),
            ),
        )
        .onConflict((oc) => oc.columns(['report_id', 'subject']).doNothing()),
    );
  }

  /**
   * Every message of a report that still wants a translation: the reporter's into German, the office's into
   * the reporter's language (the report's). Asked for whenever a message is stored; it also catches up on
   * older ones.
   */
  function forMessages(reportId: number): Compilable {
    const source = sql<string>`case when m.author = 'office' then 'de' else coalesce(m.locale, r.locale) end`;
    const target = sql<string>`case when m.author = 'office' then r.locale else 'de' end`;
    const foreign = sql<string>`case when m.author = 'office' then r.locale else coalesce(m.locale, r.locale) end`;
    return db
      .insertInto('translation_jobs')
      .columns(['report_id', 'subject', 'source', 'target'])
      .expression(
        db
          .selectFrom('report_messages as m')
          .innerJoin('reports as r', 'r.id', 'm.report_id')
          .select([
            'm.report_id',
            sql<string>`'message:' || cast(m.id as text)`.as('subject'),
            source.as('source'),
            target.as('target'),
          ])
          .where('m.report_id', '=', reportId)
          .where('m.translation', 'is', null)
          .where('m.body', '<>', '')
          .where(foreign, 'not in', GERMAN),
      )
      .onConflict((oc) => oc.columns(['report_id', 'subject']).doNothing());
  }

  return {
    forReport,
    forMessages,

    /** Drops the jobs of reports whose text is gone (withdrawn, or past retention). */
    deleteFor(reportIds: number[]): Compilable {
      return db.deleteFrom('translation_jobs').where('report_id', 'in', reportIds);
    },

    /** Jobs the worker may take, oldest first; those given up wait for a person. */
    async waiting(limit: number, reportId?: number): Promise<TranslationJob[]> {
      let query = db.selectFrom('translation_jobs').selectAll().where('failed', '=', 0);
      if (reportId !== undefined) query = query.where('report_id', '=', reportId);
      // Texts never tried come first: a backlog of retries must not keep a new report untranslated.
      const neverTried = sql`case when attempts = 0 then 0 else 1 end`;
      return (await query.orderBy(neverTried).orderBy('id').limit(limit).execute()).map(jobOf);
    },

    /** The jobs of one report, for the back office: pending ones and those given up, with the reason. */
    async of(reportId: number): Promise<TranslationJob[]> {
      const rows = await db
        .selectFrom('translation_jobs')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('id')
        .execute();
      return rows.map(jobOf);
    },

    /** Takes a job for one attempt; false when another instance took it first. */
    async claim(job: TranslationJob): Promise<boolean> {
      const result = await db
        .updateTable('translation_jobs')
        .set({ attempts: job.attempts + 1 })
        .where('id', '=', job.id)
        .where('attempts', '=', job.attempts)
        .where('failed', '=', 0)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The text to translate, as stored now; null when it is gone (withdrawn, deleted by retention, emptied). */
    async textOf(job: TranslationJob): Promise<string | null> {
      const messageId = messageIdOf(job.subject);
      if (messageId !== null) {
        const row = await db
          .selectFrom('report_messages')
          .select('body')
          .where('id', '=', messageId)
          .where('report_id', '=', job.reportId)
          .executeTakeFirst();
        return row?.body || null;
      }
      const field = job.subject as 'description' | 'consequences';
      const row = await db
        .selectFrom('reports')
        .select(field)
        .where('id', '=', job.reportId)
        .where('text_deleted_on', 'is', null)
        .executeTakeFirst();
      return row?.[field] || null;
    },

    /**
     * The translation beside its text, and the job done, as one write; both only while the text is still the
     * one that was translated. A text changed meanwhile (a caseworker removed personal data) keeps its job,
     * and the next pass translates what is stored now.
     */
    finish(job: TranslationJob, text: string, translated: string, claimedAttempts: number): Compilable[] {
      const messageId = messageIdOf(job.subject);
      if (messageId !== null) {
        return [
          db
            .updateTable('report_messages')
            .set({ translation: translated, translation_locale: job.target })
            .where('id', '=', messageId)
            .where('body', '=', text),
          db
            .deleteFrom('translation_jobs')
            .where('id', '=', job.id)
            .where('attempts', '=', claimedAttempts)
            .where(({ exists, selectFrom }) =>
              exists(selectFrom('report_messages').select('id').where('id', '=', messageId).where('body', '=', text)),
            ),
        ];
      }
      const field = job.subject as 'description' | 'consequences';
      return [
        db
          .insertInto('report_translations')
          .columns(['report_id', 'field', 'locale', 'body', 'machine'])
          .expression(
            db
              .selectFrom('reports')
              .select([
                'id',
                sql.lit(field).as('field'),
                sql.val(job.target).as('locale'),
                sql.val(translated).as('body'),
                sql.lit(1).as('machine'),
              ])
              .where('id', '=', job.reportId)
              .where(field, '=', text),
          )
          // A translation a person wrote is never replaced by a machine's.
          .onConflict((oc) =>
            oc
              .columns(['report_id', 'field', 'locale'])
              .doUpdateSet((eb) => ({ body: eb.ref('excluded.body') }))
              .where('report_translations.machine', '=', 1),
          ),
        db
          .deleteFrom('translation_jobs')
          .where('id', '=', job.id)
          .where('attempts', '=', claimedAttempts)
          .where(({ exists, selectFrom }) =>
            exists(selectFrom('reports').select('id').where('id', '=', job.reportId).where(field, '=', text)),
          ),
      ];
    },

    /** The text is gone: nothing left to translate. */
    async drop(job: TranslationJob): Promise<void> {
      await db.deleteFrom('translation_jobs').where('id', '=', job.id).execute();
    },

    /** Notes why an attempt failed; `giveUp` leaves the job to a person ("translate now"). */
    async failed(job: TranslationJob, reason: string, giveUp: boolean): Promise<void> {
      await db
        .updateTable('translation_jobs')
        .set({ last_error: reason, ...(giveUp ? { failed: 1 } : {}) })
        .where('id', '=', job.id)
        .execute();
    },

    /** "Translate now": the report's jobs given up or waiting are taken up again from the start. */
    revive(reportId: number): Compilable {
      return db.updateTable('translation_jobs').set({ failed: 0, attempts: 0 }).where('report_id', '=', reportId);
    },
  };
}
export type TranslationJobs = ReturnType<typeof createTranslationJobs>;

export function messageIdOf(subject: string): number | null {
  const match = /^message:(\d+)$/.exec(subject);
  return match ? Number(match[1]) : null;
}

function jobOf(row: {
  id: number;
  report_id: number;
  subject: string;
  source: string;
  target: string;
  attempts: number;
  last_error: string | null;
  failed: number;
}): TranslationJob {
  return {
    id: row.id,
    reportId: row.report_id,
    subject: row.subject as TranslationSubject,
    source: row.source,
    target: row.target,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    failed: Number(row.failed) === 1,
  };
}
