import type { Migration } from 'kysely';
import * as m0001 from './0001_create_reports';

/**
 * Migrations are listed here rather than read from the folder so that the same list runs on Node and on
 * Workers (no file system there). Files are never edited once landed; add the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_create_reports': m0001,
};
