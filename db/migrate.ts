import { Migrator } from 'kysely';
import type { OpenedDatabase } from './dialects';
import { migrationsFor } from './migrations';

export async function migrateToLatest({ db, kind }: Pick<OpenedDatabase, 'db' | 'kind'>): Promise<string[]> {
  // Numbers are handed out to work in progress ahead of time, so a lower one can land after a higher one that is
  // already applied somewhere (0012 after 0013): it still runs, once. The files do not depend on each other's order.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrationsFor(kind) },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
