import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../dialects';

/**
 * A hardened intake:
 * - `reports.flag`: 'flood' (past the day's soft limit) or 'unverified' (no proof of work); flagged reports,
 *   like rejected ones, do not count in the statistics (the views and triggers of 0006, again, with the flag).
 * - What a reporter causes is kept as a day: the existing times of day of `reports.updated_at` (written on
 *   sending and on every reporter message, indistinguishable from staff changes) and of `read_at` of office
 *   messages (written when the reporter looked at the receipt page) are cut to their day.
 * - The shared count of wrong receipt codes goes: no switch for everyone refuses correct codes any more.
 * - SQLite's full-text index removes a deleted text's entries in place ("secure-delete", SQLite ≥ 3.44)
 *   instead of leaving them in old segments until a merge: withdrawal, redaction and retention then purge
 *   with a checkpoint, not a rewrite of the whole index.
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await db.schema.alterTable('reports').addColumn('flag', 'text').execute();

  await sql`update reports set updated_at = substr(updated_at, 1, 10) where length(updated_at) > 10`.execute(db);
  await sql`update report_messages set read_at = substr(read_at, 1, 10)
             where author = 'office' and read_at is not null and length(read_at) > 10`.execute(db);

  await db.schema.dropTable('receipt_failure_windows').execute();
  if (dialect !== 'postgres')
    await sql`insert into reports_fts(reports_fts, rank) values ('secure-delete', 1)`.execute(db);

  await sql`drop view stats_report_codes`.execute(db);
  await sql`drop view stats_report_facts`.execute(db);
  await createCountedViews(db, sql`r.status <> 'rejected' and r.flag is null`);
  if (dialect === 'postgres') await replacePostgresTriggers(db, true);
  else await replaceSqliteTriggers(db, true);
  // Every day with a flagged report would now count differently; none has one yet, so nothing is dirty.
}

export async function down(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  if (dialect !== 'postgres')
    await sql`insert into reports_fts(reports_fts, rank) values ('secure-delete', 0)`.execute(db);
  if (dialect === 'postgres') await replacePostgresTriggers(db, false);
  else await replaceSqliteTriggers(db, false);
  await sql`drop view stats_report_codes`.execute(db);
  await sql`drop view stats_report_facts`.execute(db);
  await createCountedViews(db, sql`r.status <> 'rejected'`);
  await db.schema
    .createTable('receipt_failure_windows')
    .addColumn('window_start', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.alterTable('reports').dropColumn('flag').execute();
}

/** The views of 0006, with `counted` as the rule for which reports count (on alias `r` throughout). */
async function createCountedViews(db: Kysely<unknown>, counted: ReturnType<typeof sql>) {
  await sql`create view stats_report_facts as
      select r.id as report_id, r.received_on as day, c.dimension, c.code
        from reports r join report_codes c on c.report_id = r.id
         and c.coder = case when r.coded_on is null then 'reporter' else 'caseworker' end
       where ${counted}
      union all
      select r.id, r.received_on, 'place', r.municipality from reports r where ${counted} and r.municipality is not null
      union all
      select r.id, r.received_on, 'place', 'online' from reports r where ${counted} and r.online = 1
      union all
      select r.id, r.received_on, 'channel', r.channel from reports r where ${counted}
      union all
      select r.id, r.received_on, 'language', r.locale from reports r where ${counted}`.execute(db);
  await sql`create view stats_report_codes as
      select report_id, day, dimension, code from stats_report_facts
      union all
      select r.id, r.received_on, d.dimension, '_none'
        from reports r cross join (
          select 'ground' as dimension union all select 'life_domain' union all select 'incident_form'
          union all select 'reporter_role' union all select 'racism_form'
        ) d
        left join report_codes c on c.report_id = r.id and c.dimension = d.dimension
         and c.coder = case when r.coded_on is null then 'reporter' else 'caseworker' end
       where ${counted} and c.report_id is null
         and (d.dimension <> 'racism_form' or exists (select 1 from report_codes g
               where g.report_id = r.id and g.dimension = 'ground' and g.code = 'racism'
                 and g.coder = case when r.coded_on is null then 'reporter' else 'caseworker' end))
      union all
      select r.id, r.received_on, 'place', '_none' from reports r
       where ${counted} and r.municipality is null and r.online = 0`.execute(db);
}

/** The columns whose change marks a day dirty; with the flag, a flagged report entering the count does too. */
function countedColumns(withFlag: boolean) {
  return [
    'status',
    'received_on',
    'municipality',
    'online',
    'channel',
    'locale',
    'coded_on',
    ...(withFlag ? ['flag'] : []),
  ];
}

async function replaceSqliteTriggers(db: Kysely<unknown>, withFlag: boolean) {
  const columns = countedColumns(withFlag);
  const mark = (day: string) =>
    `insert into stats_dirty_days (day, version) values (${day}, 1)
       on conflict (day) do update set version = stats_dirty_days.version + 1;`;
  const changed = columns
    .filter((c) => c !== 'status')
    .map((c) => `old.${c} is not new.${c}`)
    .concat(`(old.status = 'rejected') <> (new.status = 'rejected')`)
    .join(' or ');
  await sql`drop trigger stats_reports_update`.execute(db);
  // Fixed text of this file, no input: raw SQL is safe here.
  await sql
    .raw(
      `create trigger stats_reports_update after update of ${columns.join(', ')} on reports
         when ${changed} begin ${mark('old.received_on')} ${mark('new.received_on')} end`,
    )
    .execute(db);
}

async function replacePostgresTriggers(db: Kysely<unknown>, withFlag: boolean) {
  const flagUnchanged = withFlag ? sql`and old.flag is not distinct from new.flag` : sql``;
  await sql`create or replace function stats_reports_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.received_on = new.received_on
         and old.municipality is not distinct from new.municipality and old.online = new.online
         and old.channel = new.channel and old.locale = new.locale
         and old.coded_on is not distinct from new.coded_on
         and (old.status = 'rejected') = (new.status = 'rejected') ${flagUnchanged} then
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then perform stats_mark_day_dirty(old.received_on); end if;
      if tg_op in ('UPDATE', 'INSERT') then perform stats_mark_day_dirty(new.received_on); end if;
      return null;
    end $$`.execute(db);
  await sql`drop trigger stats_reports_changed on reports`.execute(db);
  await sql
    .raw(
      `create trigger stats_reports_changed after insert or delete or update of ${countedColumns(withFlag).join(', ')}
      on reports for each row execute function stats_reports_changed()`,
    )
    .execute(db);
}
