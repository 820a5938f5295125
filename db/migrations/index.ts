import type { Kysely, Migration } from 'kysely';
import type { DialectKind } from '../dialects';
import * as m0001 from './0001_create_reports';
import * as m0002 from './0002_create_staff';
import * as m0003 from './0003_create_case_work';
import * as m0004 from './0004_create_report_search';
import * as m0005 from './0005_count_receipt_failures';
import * as m0006 from './0006_create_statistics';
import * as m0007 from './0007_harden_intake';
import * as m0008 from './0008_create_sent_tokens';
import * as m0010 from './0010_store_inferred_codes';
import * as m0011 from './0011_create_evidence';
import * as m0012 from './0012_create_translation_jobs';
import * as m0013 from './0013_create_notifications';
import * as m0014 from './0014_store_reporter_notice_addresses';
import * as m0015 from './0015_flagged_reports_work';

interface MigrationFile {
  up(db: Kysely<unknown>, dialect: DialectKind): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectKind): Promise<void>;
}

/**
 * Listed here rather than read from the folder so that the same list runs on Node and on Workers (no file
 * system there). Files are never edited once landed; add the next number. Each gets the dialect, for the
 * few statements that differ (generated keys, full-text search).
 */
const files: Record<string, MigrationFile> = {
  '0001_create_reports': m0001,
  '0002_create_staff': m0002,
  '0003_create_case_work': m0003,
  '0004_create_report_search': m0004,
  '0005_count_receipt_failures': m0005,
  '0006_create_statistics': m0006,
  '0007_harden_intake': m0007,
  '0008_create_sent_tokens': m0008,
  '0010_store_inferred_codes': m0010,
  '0011_create_evidence': m0011,
  '0012_create_translation_jobs': m0012,
  '0013_create_notifications': m0013,
  '0014_store_reporter_notice_addresses': m0014,
  '0015_flagged_reports_work': m0015,
};

export function migrationsFor(dialect: DialectKind): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(files).map(([name, file]) => [
      name,
      { up: (db) => file.up(db, dialect), down: (db) => file.down(db, dialect) },
    ]),
  );
}
