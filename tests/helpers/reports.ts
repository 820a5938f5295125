import type { TestServer } from './server';

/** The newest stored report, with the German translation caseworkers read beside it (null when none was made). */
export async function lastReport(server: TestServer) {
  const db = server.database.db;
  const row = await db.selectFrom('reports').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const german = await db
    .selectFrom('report_translations')
    .select(['body', 'machine'])
    .where('report_id', '=', row.id)
    .where('field', '=', 'description')
    .where('locale', '=', 'de')
    .executeTakeFirst();
  return {
    ...row,
    description_de: german?.body ?? null,
    description_de_machine: german ? Number(german.machine) === 1 : null,
  };
}
