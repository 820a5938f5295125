import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../dialects';
import { addIdColumn } from './columns';

/**
 * Translation both ways:
 * - `translation_jobs`: texts waiting for a machine translation, one row per text (a report's description or
 *   consequences, a message), deleted once translated. No time at all: a row is made when a reporter sends
 *   something, so any time on it would tell when they did; retries are timed from the count of attempts.
 * - `report_messages.locale`: the language a message is written in (null for messages from before this).
 * - `report_messages.phrase`: the phrasebook entry an office message opens with; the reporter reads it in
 *   their language from the reviewed phrasebook, and `body` holds the caseworker's own words after it.
 * - `report_messages.translation` (+ `translation_locale`): the machine translation of `body`, beside it in the
 *   same row, so that whatever deletes or redacts a message takes its translation along.
 * - Search finds a report by the words of its German translation too: `reports.search_translation` is a copy
 *   of the report's German translations, kept by triggers on `report_translations` (never written by the
 *   app), and the full-text index covers it beside the description and the consequences. Whatever deletes or
 *   changes a translation changes the copy and the index with it.
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await addIdColumn(db.schema.createTable('translation_jobs'), dialect)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // One job per text: enqueueing again adds nothing, so every write path may simply ask for it.
  await db.schema
    .createIndex('translation_jobs_subject')
    .on('translation_jobs')
    .columns(['report_id', 'subject'])
    .unique()
    .execute();

  for (const column of ['locale', 'phrase', 'translation', 'translation_locale'])
    await db.schema.alterTable('report_messages').addColumn(column, 'text').execute();

  await db.schema.alterTable('reports').addColumn('search_translation', 'text').execute();
  if (dialect === 'postgres') await searchTranslationsOnPostgres(db);
  else await searchTranslationsOnSqlite(db);
}

export async function down(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop trigger report_translations_search on report_translations`.execute(db);
    await sql`drop function report_translations_search()`.execute(db);
    await sql`alter table reports drop column search_vector`.execute(db);
    await sql`alter table reports add column search_vector tsvector generated always as
      (strip(to_tsvector('simple', translate(description || ' ' || consequences, '<>', '  ')))) stored`.execute(db);
    await sql`create index reports_search on reports using gin (search_vector)`.execute(db);
  } else {
    for (const trigger of [
      'report_translations_search_insert',
      'report_translations_search_update',
      'report_translations_search_delete',
    ])
      await sql`drop trigger ${sql.id(trigger)}`.execute(db);
    await createSqliteIndex(db, ['description', 'consequences']);
  }
  await db.schema.alterTable('reports').dropColumn('search_translation').execute();
  for (const column of ['translation_locale', 'translation', 'phrase', 'locale'])
    await db.schema.alterTable('report_messages').dropColumn(column).execute();
  await db.schema.dropTable('translation_jobs').execute();
}

/** The German translations of a report, as one text (the order does not matter to a search). */
const germanOf = (reportId: ReturnType<typeof sql>) =>
  sql`(select group_concat(body, ' ') from report_translations where report_id = ${reportId} and locale = 'de')`;

async function searchTranslationsOnSqlite(db: Kysely<unknown>) {
  for (const [name, event, row] of [
    ['report_translations_search_insert', sql`after insert`, sql`new`],
    ['report_translations_search_update', sql`after update of body`, sql`new`],
    ['report_translations_search_delete', sql`after delete`, sql`old`],
  ] as const) {
    const id = sql`${row}.report_id`;
    await sql`create trigger ${sql.id(name)} ${event} on report_translations begin
        update reports set search_translation = ${germanOf(id)} where id = ${id};
      end`.execute(db);
  }
  // An external-content index cannot take a column: it is made again, with the copy as its third column.
  await createSqliteIndex(db, ['description', 'consequences', 'search_translation']);
  await sql`update reports set search_translation = ${germanOf(sql`reports.id`)}
    where id in (select report_id from report_translations where locale = 'de')`.execute(db);
}

/** The index of migration 0004 over `columns`, with the secure-delete of 0007, rebuilt from the rows. */
async function createSqliteIndex(db: Kysely<unknown>, columns: string[]) {
  for (const trigger of ['reports_fts_insert', 'reports_fts_delete', 'reports_fts_update'])
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  await sql`drop table reports_fts`.execute(db);
  // Fixed names of this file, no input: raw SQL is safe here.
  const list = columns.join(', ');
  const of = (row: string) => columns.map((c) => `${row}.${c}`).join(', ');
  await sql
    .raw(
      `create virtual table reports_fts using fts5(${list}, content='reports', content_rowid='id',
         tokenize='unicode61 remove_diacritics 2', prefix='2 3')`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger reports_fts_insert after insert on reports begin
         insert into reports_fts(rowid, ${list}) values (new.id, ${of('new')});
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger reports_fts_delete after delete on reports begin
         insert into reports_fts(reports_fts, rowid, ${list}) values ('delete', old.id, ${of('old')});
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger reports_fts_update after update of ${list} on reports begin
         insert into reports_fts(reports_fts, rowid, ${list}) values ('delete', old.id, ${of('old')});
         insert into reports_fts(rowid, ${list}) values (new.id, ${of('new')});
       end`,
    )
    .execute(db);
  await sql`insert into reports_fts(reports_fts) values ('rebuild')`.execute(db);
  await sql`insert into reports_fts(reports_fts, rank) values ('secure-delete', 1)`.execute(db);
}

async function searchTranslationsOnPostgres(db: Kysely<unknown>) {
  await sql`create function report_translations_search() returns trigger language plpgsql as $$
    declare
      changed integer := case when tg_op = 'DELETE' then old.report_id else new.report_id end;
    begin
      update reports set search_translation =
        (select string_agg(body, ' ') from report_translations where report_id = changed and locale = 'de')
       where id = changed;
      return null;
    end $$`.execute(db);
  await sql`create trigger report_translations_search after insert or delete or update of body
      on report_translations for each row execute function report_translations_search()`.execute(db);
  // A generated column's expression cannot be changed: made again, with the copy in it.
  await sql`alter table reports drop column search_vector`.execute(db);
  await sql`alter table reports add column search_vector tsvector generated always as
    (strip(to_tsvector('simple', translate(description || ' ' || consequences || ' ' || coalesce(search_translation, ''),
      '<>', '  ')))) stored`.execute(db);
  await sql`create index reports_search on reports using gin (search_vector)`.execute(db);
  await sql`update reports set search_translation =
    (select string_agg(body, ' ') from report_translations t where t.report_id = reports.id and t.locale = 'de')
    where id in (select report_id from report_translations where locale = 'de')`.execute(db);
}
