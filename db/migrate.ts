import { Migrator } from 'kysely';
import type { OpenedDatabase } from './dialects';
import { migrationsFor } from './migrations';

export async function migrateToLatest({ db, kind }: Pick<OpenedDatabase, 'db' | 'kind'>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(kind) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
