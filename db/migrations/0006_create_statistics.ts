import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../dialects';

/**
 * Statistics over a million reports in well under a second: daily aggregates, summed over a date range.
 * Triggers on `reports` and `report_codes` mark a day dirty (bumping its version) whenever something that
 * counts changes, so no write path of the app needs to know about statistics; the statistics service
 * recomputes the dirty days before it answers (server/stats/aggregates.ts).
 *
 * Also: how a report entered by staff reached the office (`received_via`, a code), and a small `settings`
 * table for switches admins flip at run time (the public statistics page).
 */
export async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await db.schema.alterTable('reports').addColumn('received_via', 'text').execute();

  const clustered = <T extends { modifyEnd(s: ReturnType<typeof sql>): T }>(t: T) =>
    dialect === 'postgres' ? t : t.modifyEnd(sql`without rowid`);
  await clustered(
    db.schema
      .createTable('stats_daily')
      .addColumn('day', 'text', (col) => col.notNull())
      .addColumn('dimension', 'text', (col) => col.notNull())
      .addColumn('code', 'text', (col) => col.notNull())
      .addColumn('count', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('stats_daily_pk', ['day', 'dimension', 'code']),
  ).execute();
  await clustered(
    db.schema
      .createTable('stats_daily_pairs')
      .addColumn('day', 'text', (col) => col.notNull())
      .addColumn('pair', 'text', (col) => col.notNull())
      .addColumn('code_a', 'text', (col) => col.notNull())
      .addColumn('code_b', 'text', (col) => col.notNull())
      .addColumn('count', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('stats_daily_pairs_pk', ['day', 'pair', 'code_a', 'code_b']),
  ).execute();
  await db.schema
    .createTable('stats_daily_reports')
    .addColumn('day', 'text', (col) => col.primaryKey())
    .addColumn('reports', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('stats_dirty_days')
    .addColumn('day', 'text', (col) => col.primaryKey())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
  // A day's refresh reads its reports by day of receipt, and needs nothing but these columns.
  await db.schema
    .createIndex('reports_received_stats')
    .on('reports')
    .columns(['received_on', 'status', 'coded_on', 'id', 'municipality', 'online', 'channel', 'locale'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await createEffectiveCodesView(db);
  if (dialect === 'postgres') await createPostgresTriggers(db);
  else await createSqliteTriggers(db);
  // Reports stored before this migration: every day they fall on needs its aggregates.
  await sql`insert into stats_dirty_days (day, version) select distinct received_on, 1 from reports`.execute(db);
}

/**
 * One row per counted report and code, the rule of the back office: the caseworker's coding once there is
 * one (coded_on set), else the reporter's; rejected reports do not count; the place is the municipality
 * and/or "online"; "_none" where a report has no code in a dimension (the sub-forms of racism only among
 * reports on the ground of racism).
 */
async function createEffectiveCodesView(db: Kysely<unknown>) {
  await sql`create view stats_report_facts as
      select r.id as report_id, r.received_on as day, c.dimension, c.code
        from reports r join report_codes c on c.report_id = r.id
         and c.coder = case when r.coded_on is null then 'reporter' else 'caseworker' end
       where r.status <> 'rejected'
      union all
      select id, received_on, 'place', municipality from reports where status <> 'rejected' and municipality is not null
      union all
      select id, received_on, 'place', 'online' from reports where status <> 'rejected' and online = 1
      union all
      select id, received_on, 'channel', channel from reports where status <> 'rejected'
      union all
      select id, received_on, 'language', locale from reports where status <> 'rejected'`.execute(db);
  // "Not stated" from the base tables, not from the view above: a correlated subquery on a UNION ALL view
  // cannot use an index, and the daily refresh would read every report for every day.
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
       where r.status <> 'rejected' and c.report_id is null
         and (d.dimension <> 'racism_form' or exists (select 1 from report_codes g
               where g.report_id = r.id and g.dimension = 'ground' and g.code = 'racism'
                 and g.coder = case when r.coded_on is null then 'reporter' else 'caseworker' end))
      union all
      select id, received_on, 'place', '_none' from reports
       where status <> 'rejected' and municipality is null and online = 0`.execute(db);
}

/** What a report's row holds that the statistics count: a change to anything else leaves its day clean. */
const COUNTED_COLUMNS = ['status', 'received_on', 'municipality', 'online', 'channel', 'locale', 'coded_on'];

async function createSqliteTriggers(db: Kysely<unknown>) {
  const mark = (day: string) =>
    `insert into stats_dirty_days (day, version) values (${day}, 1)
       on conflict (day) do update set version = stats_dirty_days.version + 1;`;
  const markOfReport = (id: string) =>
    `insert into stats_dirty_days (day, version) select received_on, 1 from reports where id = ${id}
       on conflict (day) do update set version = stats_dirty_days.version + 1;`;
  // Only a move into or out of "rejected" changes a count; the other status steps happen daily.
  const changed = COUNTED_COLUMNS.filter((c) => c !== 'status')
    .map((c) => `old.${c} is not new.${c}`)
    .concat(`(old.status = 'rejected') <> (new.status = 'rejected')`)
    .join(' or ');
  const statements = [
    `create trigger stats_reports_insert after insert on reports begin ${mark('new.received_on')} end`,
    `create trigger stats_reports_delete after delete on reports begin ${mark('old.received_on')} end`,
    `create trigger stats_reports_update after update of ${COUNTED_COLUMNS.join(', ')} on reports
       when ${changed} begin ${mark('old.received_on')} ${mark('new.received_on')} end`,
    `create trigger stats_codes_insert after insert on report_codes begin ${markOfReport('new.report_id')} end`,
    `create trigger stats_codes_delete after delete on report_codes begin ${markOfReport('old.report_id')} end`,
    `create trigger stats_codes_update after update on report_codes begin
       ${markOfReport('old.report_id')} ${markOfReport('new.report_id')} end`,
  ];
  // Fixed text of this file, no input: raw SQL is safe here.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function createPostgresTriggers(db: Kysely<unknown>) {
  await sql`create function stats_mark_day_dirty(d text) returns void language sql as $$
      insert into stats_dirty_days (day, version) values (d, 1)
      on conflict (day) do update set version = stats_dirty_days.version + 1
    $$`.execute(db);
  await sql`create function stats_reports_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.received_on = new.received_on
         and old.municipality is not distinct from new.municipality and old.online = new.online
         and old.channel = new.channel and old.locale = new.locale
         and old.coded_on is not distinct from new.coded_on
         and (old.status = 'rejected') = (new.status = 'rejected') then
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then perform stats_mark_day_dirty(old.received_on); end if;
      if tg_op in ('UPDATE', 'INSERT') then perform stats_mark_day_dirty(new.received_on); end if;
      return null;
    end $$`.execute(db);
  await sql`create function stats_codes_changed() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform stats_mark_day_dirty(received_on) from reports where id = old.report_id;
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        perform stats_mark_day_dirty(received_on) from reports where id = new.report_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql
    .raw(
      `create trigger stats_reports_changed after insert or delete or update of ${COUNTED_COLUMNS.join(', ')}
      on reports for each row execute function stats_reports_changed()`,
    )
    .execute(db);
  await sql`create trigger stats_codes_changed after insert or delete or update on report_codes
      for each row execute function stats_codes_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop trigger stats_codes_changed on report_codes`.execute(db);
    await sql`drop trigger stats_reports_changed on reports`.execute(db);
    for (const fn of ['stats_codes_changed()', 'stats_reports_changed()', 'stats_mark_day_dirty(text)'])
      await sql.raw(`drop function ${fn}`).execute(db);
  } else {
    for (const t of ['insert', 'delete', 'update']) {
      await sql.raw(`drop trigger stats_reports_${t}`).execute(db);
      await sql.raw(`drop trigger stats_codes_${t}`).execute(db);
    }
  }
  await sql`drop view stats_report_codes`.execute(db);
  await sql`drop view stats_report_facts`.execute(db);
  for (const table of ['settings', 'stats_dirty_days', 'stats_daily_reports', 'stats_daily_pairs', 'stats_daily'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('reports_received_stats').execute();
  await db.schema.alterTable('reports').dropColumn('received_via').execute();
}
