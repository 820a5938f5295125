import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../dialects';

/**
 * Full-text search over the anonymised free text. SQLite: an FTS5 index over the reports table (external
 * content, so the text is held once), kept current by triggers. PostgreSQL: a generated tsvector with a GIN
 * index. The 'simple' configuration and unicode61 tokenizer do not stem: reports come in ten languages.
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  if (dialect === 'postgres') {
    // Angle brackets become spaces: PostgreSQL's parser drops anything that looks like an HTML tag, but a
    // report quoting "<script>" must be found by that word, as on SQLite. Positions are stripped: the search
    // matches words and prefixes, never phrases, and the smaller vectors make broad searches faster to count.
    await sql`alter table reports add column search_vector tsvector generated always as
      (strip(to_tsvector('simple', translate(description || ' ' || consequences, '<>', '  ')))) stored`.execute(db);
    await sql`create index reports_search on reports using gin (search_vector)`.execute(db);
    return;
  }
  await sql`create virtual table reports_fts using fts5(
      description, consequences,
      content='reports', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )`.execute(db);
  await sql`create trigger reports_fts_insert after insert on reports begin
      insert into reports_fts(rowid, description, consequences) values (new.id, new.description, new.consequences);
    end`.execute(db);
  await sql`create trigger reports_fts_delete after delete on reports begin
      insert into reports_fts(reports_fts, rowid, description, consequences)
        values ('delete', old.id, old.description, old.consequences);
    end`.execute(db);
  await sql`create trigger reports_fts_update after update of description, consequences on reports begin
      insert into reports_fts(reports_fts, rowid, description, consequences)
        values ('delete', old.id, old.description, old.consequences);
      insert into reports_fts(rowid, description, consequences) values (new.id, new.description, new.consequences);
    end`.execute(db);
  await sql`insert into reports_fts(reports_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop index reports_search`.execute(db);
    await sql`alter table reports drop column search_vector`.execute(db);
    return;
  }
  for (const trigger of ['reports_fts_insert', 'reports_fts_delete', 'reports_fts_update'])
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await sql`drop table reports_fts`.execute(db);
}
