import type { TestServer } from './server';

/**
 * The newest stored report, with the German translation caseworkers read beside it (null when none was made).
 * Translations are made beside the server, after the report is stored: this waits until each text asked for
 * has been tried at least once (translated, or waiting for its next attempt).
 */
export async function lastReport(server: TestServer) {
  const db = server.database.db;
  const row = await db.selectFrom('reports').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  await translationsTried(server, row.id);
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

/**
 * Until every translation job of the report has had its first attempt to the end: translated (the job is
 * gone) or failed (its reason noted). At most `timeoutMs`.
 */
export async function translationsTried(server: TestServer, reportId: number, timeoutMs = 10_000) {
  const db = server.database.db;
  const until = Date.now() + timeoutMs;
  // The Worker translates on its cron trigger (every minute in production): run it now, as the minute would.
  if (server.backend === 'worker')
    await fetch(`${server.url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
  for (;;) {
    const untried = await db
      .selectFrom('translation_jobs')
      .select('id')
      .where('report_id', '=', reportId)
      .where('last_error', 'is', null)
      .executeTakeFirst();
    if (!untried) return;
    if (Date.now() > until) throw new Error(`translation of report ${reportId} not tried within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
