import path from 'node:path';
import type { OpenedDatabase } from '../../../db/dialects';
import { createDatabaseStore } from './database-store';
import { createFolderStore } from './folder-store';
import type { BlobStore } from './store';

/**
 * Node's evidence store: the database itself on PostgreSQL (several instances share it), a folder beside the
 * SQLite file otherwise (`$DATA_DIR/evidence`, which backups of the data folder take along).
 */
export function nodeEvidenceStore(database: Pick<OpenedDatabase, 'db' | 'kind'>, dataDir: string): BlobStore {
  return database.kind === 'postgres'
    ? createDatabaseStore(database.db)
    : createFolderStore(path.join(dataDir, 'evidence'));
}
