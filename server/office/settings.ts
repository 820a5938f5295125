import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { officeSchema, type Office } from './schema';

const KEY = 'office';

/** How long an instance answers from what it read: a change made on another instance shows within this time. */
export const OFFICE_SETTINGS_TTL_MS = 2_000;

/**
 * What admins can change in the back office: the office file's contents (checked by the file's own schema),
 * how many months texts are kept after closing, and the smallest published count. The file and the
 * environment give the starting value; once saved, the database holds it for every instance.
 */
export const officeSettingsSchema = z.object({
  office: officeSchema,
  retentionMonths: z.coerce.number().int().min(1).max(240),
  statsMinCount: z.coerce.number().int().min(3).max(100),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

/** The settings as saved, or null when nobody has saved any (or what is stored no longer passes the schema). */
export async function storedOfficeSettings(
  db: Kysely<Database>,
): Promise<{ raw: string; settings: OfficeSettings } | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.value);
  } catch {
    return null;
  }
  const parsed = officeSettingsSchema.safeParse(json);
  return parsed.success ? { raw: row.value, settings: parsed.data } : null;
}

/**
 * The office's settings as every request sees them: read from the database at most every TTL per instance,
 * the same object while nothing changed (so that what is made from it, such as the form's schema, is made
 * once per change), and at once on the instance that saved a change.
 */
export function createOfficeSettings({
  db,
  initial,
  ttlMs = OFFICE_SETTINGS_TTL_MS,
  now = () => performance.now(),
}: {
  db: Kysely<Database>;
  initial: OfficeSettings;
  ttlMs?: number;
  now?: () => number;
}) {
  let current = { raw: '', settings: initial };
  let readAt = -Infinity;
  let reading: Promise<OfficeSettings> | null = null;

  async function reread(): Promise<OfficeSettings> {
    const stored = await storedOfficeSettings(db);
    if (!stored) current = { raw: '', settings: initial };
    else if (stored.raw !== current.raw) current = stored;
    readAt = now();
    return current.settings;
  }

  return {
    initial,
    async current(): Promise<OfficeSettings> {
      if (now() - readAt < ttlMs) return current.settings;
      reading ??= reread().finally(() => (reading = null));
      return reading;
    },

    /** The change as a write, to go with its audit row. */
    write(settings: OfficeSettings, at: string) {
      const value = JSON.stringify(settings);
      return db
        .insertInto('settings')
        .values({ key: KEY, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }));
    },

    /** After this instance saved: the next request reads again. */
    forget(): void {
      readAt = -Infinity;
    },
  };
}
export type OfficeSettingsStore = ReturnType<typeof createOfficeSettings>;

export type { Office };
