import type { Kysely } from 'kysely';

/**
 * The caseworkers' German version of a description written in another language. Made by the model when an
 * assistant report is sent, so marked by origin: a machine translation is a suggestion a person confirms.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('description_de', 'text').execute();
  await db.schema.alterTable('reports').addColumn('description_de_origin', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('description_de_origin').execute();
  await db.schema.alterTable('reports').dropColumn('description_de').execute();
}
