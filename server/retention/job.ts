import type { AtomicWriter } from '../../db/atomic';
import type { Kysely } from 'kysely';
import type { DialectKind } from '../../db/dialects';
import type { Database } from '../../db/schema';
import { createAuditLog } from '../audit/log';
import { createReportTextSearch } from '../cases/search';
import { isoDay, type Clock } from '../clock';
import type { Config } from '../config';
import { storedOfficeSettings } from '../office/settings';
import { createEvidenceRepo } from '../evidence/repo';
import type { EvidenceHousekeeping } from '../evidence/housekeeping';

export interface RetentionResult {
  contactsDeleted: number;
  textsDeleted: number;
  /** Expired staff sessions and stale login-failure counts: nothing to keep once they no longer apply. */
  sessionsDeleted: number;
  /** Evidence files deleted with the texts, and leftovers (staging never sent, bytes without rows). */
  filesDeleted: number;
}

/**
 * The retention rules (DESIGN §3): contact details go when a case is closed; free text, messages, notes,
 * translations and translation jobs go the configured number of months after closure. The coded record (codes, place, month,
 * status, dates) stays for the statistics. A plain function: the Node server runs it daily, `npm run
 * retention` runs it once, a Workers cron trigger can run it too.
 */
export async function runRetention({
  db,
  atomic,
  dialect,
  clock,
  config,
  evidence,
}: {
  db: Kysely<Database>;
  atomic: AtomicWriter;
  dialect: DialectKind;
  clock: Clock;
  config: Pick<Config, 'retention' | 'staff'>;
  /** Deletes evidence bytes (the store's); without it the files' rows still go, their bytes at the next sweep. */
  evidence?: EvidenceHousekeeping | undefined;
}): Promise<RetentionResult> {
  const now = clock.now();
  const cutoff = new Date(now);
  // The months an admin set in the back office, else those of the environment.
  const months = (await storedOfficeSettings(db))?.settings.retentionMonths ?? config.retention.months;
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);

  // Closing deletes the contact at once; this also catches one left behind (e.g. closed before this job existed).
  const contacts = await db
    .deleteFrom('report_contacts')
    .where('report_id', 'in', (eb) =>
      eb.selectFrom('reports').select('id').where('status', 'in', ['closed', 'rejected']),
    )
    .executeTakeFirst();
  await db
    .deleteFrom('report_notice_addresses')
    .where('report_id', 'in', (eb) =>
      eb.selectFrom('reports').select('id').where('status', 'in', ['closed', 'rejected']),
    )
    .execute();

  const due = await db
    .selectFrom('reports')
    .select('id')
    .where('status', 'in', ['closed', 'rejected'])
    .where('closed_on', '<', isoDay(cutoff))
    .where('text_deleted_on', 'is', null)
    .execute();
  const ids = due.map((r) => r.id);
  const files = createEvidenceRepo(db);
  let filesDeleted = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    // Evidence goes with the text: a screenshot says as much as the words.
    const fileIds = await files.idsOfReports(batch);
    await atomic([
      files.deleteOfReports(batch),
      db.deleteFrom('report_messages').where('report_id', 'in', batch),
      db.deleteFrom('report_notes').where('report_id', 'in', batch),
      db.deleteFrom('report_translations').where('report_id', 'in', batch),
      // Nothing is left to translate; a job given up would otherwise wait for a person for ever.
      db.deleteFrom('translation_jobs').where('report_id', 'in', batch),
      db
        .updateTable('reports')
        .set({ description: '', consequences: '', text_deleted_on: isoDay(now), updated_at: now.toISOString() })
        .where('id', 'in', batch),
    ]);
    await evidence?.forget(fileIds);
    filesDeleted += fileIds.length;
  }
  const leftovers = await evidence?.sweep();
  filesDeleted += (leftovers?.staging ?? 0) + (leftovers?.orphans ?? 0);

  const sessions = await db
    .deleteFrom('staff_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', now.toISOString()),
        eb('last_seen_at', '<', new Date(now.getTime() - config.staff.idleMinutes * 60_000).toISOString()),
      ]),
    )
    .executeTakeFirst();
  // A failure count older than a day has no bearing on any lock any more.
  await db
    .deleteFrom('staff_login_failures')
    .where('first_failed_at', '<', new Date(now.getTime() - 24 * 3600_000).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .execute();

  const result = {
    contactsDeleted: Number(contacts.numDeletedRows),
    textsDeleted: ids.length,
    sessionsDeleted: Number(sessions.numDeletedRows),
    filesDeleted,
  };
  if (result.contactsDeleted || result.textsDeleted || result.filesDeleted) {
    await createReportTextSearch(db, dialect).purgeRemovedText();
  }
  await createAuditLog(db, clock).record({ id: null, name: 'system' }, 'retention.run', {
    detail: {
      contactsDeleted: result.contactsDeleted,
      textsDeleted: result.textsDeleted,
      filesDeleted: result.filesDeleted,
    },
  });
  return result;
}
