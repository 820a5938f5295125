import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { effectiveCodesText, parseEffectiveCodes } from '../../shared/taxonomy';

/**
 * Data as the app wrote it at each schema version, for the migration test: a database made at version N
 * gets the seeds of every migration up to N, is migrated to the head, and each seed checks that its rows
 * came through as it wrote them. A new migration that adds or changes a table adds its seed here.
 *
 * Rows hold what the app at that version would write; a column a later migration adds is left to that
 * migration (its default, or its own fill, e.g. effective_codes from report_codes in 0003).
 */
export interface MigrationSeed {
  /** The migration after which this data can exist. */
  after: string;
  insert(db: SeedDb, at: SchemaAt): Promise<void>;
  /** Run at the head, over the seeds' own rows; throws (with expect) when something was lost or changed. */
  check(db: Kysely<Database>, expect: Expect): Promise<void>;
}

// Rows of any past shape: the test writes what the schema of that time had.
export type SeedDb = Kysely<any>;
/** Whether a table has a column at the version the seed is written at. */
export type SchemaAt = (table: string, column: string) => boolean;
type Expect = (
  actual: unknown,
  message?: string,
) => {
  toEqual(expected: unknown): void;
  toBe(expected: unknown): void;
  toContain(expected: unknown): void;
};

const BUS = {
  receipt_hash: 'seed-0001-bus',
  status: 'in_review',
  channel: 'form',
  locale: 'de',
  description: 'Im Bus nach Alsdorf hat mich ein Mann beschimpft.',
  consequences: 'Ich fahre nicht mehr gern Bus.',
  municipality: 'alsdorf',
  online: 0,
  when_precision: 'month',
  when_value: '2025-02',
  ongoing: 0,
  witnesses: 'yes',
  support_wanted: 1,
  received_on: '2025-03-04',
  updated_at: '2025-03-05T10:00:00.000Z',
};
const BUS_CODES = [
  { dimension: 'ground', code: 'racism' },
  { dimension: 'racism_form', code: 'anti_black' },
  { dimension: 'life_domain', code: 'public_transport' },
];

const HOUSING = {
  receipt_hash: 'seed-0003-housing',
  status: 'in_progress',
  channel: 'assistant',
  locale: 'ar',
  description: 'رفض المؤجر الشقة بسبب اسمنا.',
  consequences: '',
  municipality: 'eschweiler',
  online: 0,
  when_precision: 'unknown',
  when_value: null,
  ongoing: 1,
  witnesses: null,
  support_wanted: 1,
  received_on: '2025-06-10',
  updated_at: '2025-06-12T08:00:00.000Z',
  urgent: 1,
  acknowledged_on: '2025-06-11',
  closed_on: null,
  reject_reason: null,
  coded_on: '2025-06-12',
  text_deleted_on: null,
};
const HOUSING_REPORTER = [
  { dimension: 'ground', code: 'racism' },
  { dimension: 'life_domain', code: 'housing' },
];
const HOUSING_CASEWORKER = [
  { dimension: 'ground', code: 'racism' },
  { dimension: 'racism_form', code: 'anti_arab' },
  { dimension: 'life_domain', code: 'housing' },
];

const PHONE = {
  receipt_hash: 'seed-0006-phone',
  status: 'new',
  channel: 'staff',
  locale: 'tr',
  description: 'Telefonla bildirildi: işyerinde hakaret.',
  consequences: '',
  municipality: null,
  online: 1,
  when_precision: 'year',
  when_value: '2025',
  ongoing: 0,
  witnesses: null,
  support_wanted: 0,
  received_on: '2025-09-01',
  updated_at: '2025-09-01T09:00:00.000Z',
  received_via: 'phone',
};

/**
 * A report row as 0007 leaves it: what a reporter causes is kept as a day, so `updated_at` (written on sending
 * and on every reporter message) loses its time of day; and no report written before it carries a flag.
 */
const asMigrated = <R extends { updated_at: string }>(row: R) => ({
  ...row,
  updated_at: row.updated_at.slice(0, 10),
  flag: null,
});

const idOf = async (db: SeedDb, receiptHash: string): Promise<number> =>
  (await db.selectFrom('reports').select('id').where('receipt_hash', '=', receiptHash).executeTakeFirstOrThrow()).id;

/** Only the columns the table has at that version: a seed written once serves every later version. */
/**
 * The row as the app wrote it at that version: only the columns the table had, and from 0007 on (when
 * reports have a flag) what a reporter causes as a day.
 */
const existing = (at: SchemaAt, table: string, row: Record<string, unknown>) => {
  const written = Object.fromEntries(Object.entries(row).filter(([column]) => at(table, column)));
  if (table === 'reports' && at('reports', 'flag') && typeof written.updated_at === 'string')
    written.updated_at = written.updated_at.slice(0, 10);
  return written;
};

const sortedCodes = (codes: { dimension: string; code: string }[]) =>
  codes.map((c) => `${c.dimension}:${c.code}`).sort();

export const MIGRATION_SEEDS: MigrationSeed[] = [
  {
    after: '0001_create_reports',
    async insert(db, at) {
      await db
        .insertInto('reports')
        .values(existing(at, 'reports', { ...BUS, effective_codes: effectiveCodesText(BUS_CODES) }))
        .execute();
      const id = await idOf(db, BUS.receipt_hash);
      await db
        .insertInto('report_codes')
        .values(BUS_CODES.map((c) => ({ report_id: id, coder: 'reporter', ...c })))
        .execute();
      await db
        .insertInto('report_messages')
        .values([
          { report_id: id, author: 'reporter', body: 'Es ist wieder passiert.', sent_on: '2025-03-06', read_at: null },
        ])
        .execute();
    },
    async check(db, expect) {
      const row = await db
        .selectFrom('reports')
        .selectAll()
        .where('receipt_hash', '=', BUS.receipt_hash)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        ...row,
        ...asMigrated(BUS),
        urgent: 0,
        acknowledged_on: null,
        coded_on: null,
        text_deleted_on: null,
        received_via: null,
      });
      // The row's copy of the codes that count: made by 0003 from report_codes, or written with the report.
      expect(sortedCodes(parseEffectiveCodes(row.effective_codes))).toEqual(sortedCodes(BUS_CODES));
      const codes = await db.selectFrom('report_codes').selectAll().where('report_id', '=', row.id).execute();
      expect(sortedCodes(codes.filter((c) => c.coder === 'reporter'))).toEqual(sortedCodes(BUS_CODES));
      const messages = await db.selectFrom('report_messages').selectAll().where('report_id', '=', row.id).execute();
      expect(messages.map((m) => [m.author, m.body, m.sent_on, m.read_at])).toEqual([
        ['reporter', 'Es ist wieder passiert.', '2025-03-06', null],
      ]);
    },
  },
  {
    after: '0002_create_staff',
    async insert(db) {
      await db
        .insertInto('staff_users')
        .values({
          username: 'clara',
          display_name: 'Clara K.',
          role: 'caseworker',
          locale: 'en',
          password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWRzZWVk$seedseedseedseedseedseedseedseedseedseedsee',
          must_change_password: 0,
          totp_secret: null,
          totp_required: 1,
          totp_last_step: null,
          disabled: 0,
          created_at: '2025-01-02T08:00:00.000Z',
        })
        .execute();
      const clara = (
        await db.selectFrom('staff_users').select('id').where('username', '=', 'clara').executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('staff_sessions')
        .values({
          id_hash: 'seed-session',
          user_id: clara,
          csrf_token: 'seed-csrf',
          created_at: '2025-03-05T09:00:00.000Z',
          last_seen_at: '2025-03-05T09:10:00.000Z',
          expires_at: '2025-03-05T19:00:00.000Z',
        })
        .execute();
      await db
        .insertInto('audit_log')
        .values({
          at: '2025-03-05T09:11:00.000Z',
          actor_id: clara,
          actor_name: 'clara',
          action: 'report.view',
          report_id: await idOf(db, BUS.receipt_hash),
          detail: '{"contact":false}',
        })
        .execute();
      await db
        .insertInto('staff_login_failures')
        .values({ key_hash: 'seed-key', failures: 2, first_failed_at: '2025-03-05T08:00:00.000Z', locked_until: null })
        .execute();
    },
    async check(db, expect) {
      const clara = await db
        .selectFrom('staff_users')
        .selectAll()
        .where('username', '=', 'clara')
        .executeTakeFirstOrThrow();
      expect([clara.role, clara.locale, clara.must_change_password, clara.totp_required, clara.password_hash]).toEqual([
        'caseworker',
        'en',
        0,
        1,
        '$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWRzZWVk$seedseedseedseedseedseedseedseedseedseedsee',
      ]);
      const session = await db.selectFrom('staff_sessions').selectAll().executeTakeFirstOrThrow();
      expect([session.id_hash, session.user_id, session.expires_at]).toEqual([
        'seed-session',
        clara.id,
        '2025-03-05T19:00:00.000Z',
      ]);
      const audit = await db.selectFrom('audit_log').selectAll().where('actor_name', '=', 'clara').execute();
      expect(audit.map((a) => [a.action, a.report_id, a.detail])).toEqual([
        ['report.view', await idOf(db, BUS.receipt_hash), '{"contact":false}'],
      ]);
      const failures = await db.selectFrom('staff_login_failures').selectAll().execute();
      expect(failures.map((f) => [f.key_hash, f.failures])).toEqual([['seed-key', 2]]);
    },
  },
  {
    after: '0003_create_case_work',
    async insert(db, at) {
      const clara = (
        await db.selectFrom('staff_users').select('id').where('username', '=', 'clara').executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('reports')
        .values(
          existing(at, 'reports', {
            ...HOUSING,
            assignee_id: clara,
            effective_codes: effectiveCodesText(HOUSING_CASEWORKER),
          }),
        )
        .execute();
      const id = await idOf(db, HOUSING.receipt_hash);
      const bus = await idOf(db, BUS.receipt_hash);
      await db
        .insertInto('report_codes')
        .values([
          ...HOUSING_REPORTER.map((c) => ({ report_id: id, coder: 'reporter', ...c })),
          ...HOUSING_CASEWORKER.map((c) => ({ report_id: id, coder: 'caseworker', ...c })),
        ])
        .execute();
      await db
        .insertInto('report_notes')
        .values({
          report_id: id,
          author_id: clara,
          body: 'Beratung Wohnen anfragen.',
          created_at: '2025-06-12T08:00:00.000Z',
        })
        .execute();
      await db
        .insertInto('report_links')
        .values({ low_id: Math.min(id, bus), high_id: Math.max(id, bus) })
        .execute();
      await db
        .insertInto('report_contacts')
        .values({ report_id: id, sealed: 'v1.seed-sealed-contact', stored_on: '2025-06-10' })
        .execute();
      await db
        .insertInto('report_translations')
        .values({
          report_id: id,
          field: 'description',
          locale: 'de',
          body: 'Der Vermieter hat die Wohnung wegen unseres Namens abgelehnt.',
          machine: 1,
        })
        .execute();
    },
    async check(db, expect) {
      const row = await db
        .selectFrom('reports')
        .selectAll()
        .where('receipt_hash', '=', HOUSING.receipt_hash)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ ...row, ...asMigrated(HOUSING), received_via: null });
      expect(sortedCodes(parseEffectiveCodes(row.effective_codes))).toEqual(sortedCodes(HOUSING_CASEWORKER));
      const clara = await db
        .selectFrom('staff_users')
        .select('id')
        .where('username', '=', 'clara')
        .executeTakeFirstOrThrow();
      expect(row.assignee_id).toBe(clara.id);
      const notes = await db.selectFrom('report_notes').selectAll().where('report_id', '=', row.id).execute();
      expect(notes.map((n) => [n.author_id, n.body])).toEqual([[clara.id, 'Beratung Wohnen anfragen.']]);
      const bus = await idOf(db, BUS.receipt_hash);
      expect(await db.selectFrom('report_links').select(['low_id', 'high_id']).execute()).toEqual([
        { low_id: Math.min(row.id, bus), high_id: Math.max(row.id, bus) },
      ]);
      const contact = await db.selectFrom('report_contacts').selectAll().executeTakeFirstOrThrow();
      expect([contact.report_id, contact.sealed, contact.stored_on]).toEqual([
        row.id,
        'v1.seed-sealed-contact',
        '2025-06-10',
      ]);
      const translation = await db.selectFrom('report_translations').selectAll().executeTakeFirstOrThrow();
      expect([translation.report_id, translation.body, translation.machine]).toEqual([
        row.id,
        'Der Vermieter hat die Wohnung wegen unseres Namens abgelehnt.',
        1,
      ]);
    },
  },
  {
    after: '0005_count_receipt_failures',
    async insert(db, at) {
      // Only at versions that had the table: 0007 dropped it.
      if (!at('receipt_failure_windows', 'failures')) return;
      await db
        .insertInto('receipt_failure_windows')
        .values({ window_start: '2025-03-05T09:00:00.000Z', failures: 7 })
        .execute();
    },
    async check(db, expect) {
      // 0007 drops the shared count of wrong codes on purpose: no switch for everyone refuses correct codes.
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables.includes('receipt_failure_windows')).toBe(false);
    },
  },
  {
    after: '0006_create_statistics',
    async insert(db, at) {
      await db
        .insertInto('reports')
        .values(existing(at, 'reports', { ...PHONE, effective_codes: effectiveCodesText([]) }))
        .execute();
      await db
        .insertInto('settings')
        .values({ key: 'public_statistics', value: 'on', updated_at: '2025-09-02T10:00:00.000Z' })
        .execute();
    },
    async check(db, expect) {
      const row = await db
        .selectFrom('reports')
        .selectAll()
        .where('receipt_hash', '=', PHONE.receipt_hash)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ ...row, ...asMigrated(PHONE) });
      expect(await db.selectFrom('settings').select(['key', 'value']).execute()).toEqual([
        { key: 'public_statistics', value: 'on' },
      ]);
    },
  },
  {
    after: '0008_create_sent_tokens',
    async insert(db) {
      await db.insertInto('sent_tokens').values({ token_hash: 'seed-token', sent_on: '2025-09-03' }).execute();
    },
    async check(db, expect) {
      expect(await db.selectFrom('sent_tokens').selectAll().execute()).toEqual([
        { token_hash: 'seed-token', sent_on: '2025-09-03' },
      ]);
    },
  },
  {
    after: '0010_store_inferred_codes',
    async insert(db) {
      const id = await idOf(db, BUS.receipt_hash);
      await db
        .insertInto('report_inferred_codes')
        .values({ report_id: id, dimension: 'incident_form', code: 'insult' })
        .execute();
    },
    async check(db, expect) {
      const id = await idOf(db, BUS.receipt_hash);
      expect(
        await db
          .selectFrom('report_inferred_codes')
          .select(['dimension', 'code'])
          .where('report_id', '=', id)
          .execute(),
      ).toEqual([{ dimension: 'incident_form', code: 'insult' }]);
    },
  },
  {
    after: '0012_create_translation_jobs',
    async insert(db) {
      const id = await idOf(db, HOUSING.receipt_hash);
      // An office reply opening with a phrase, its words translated for the reporter; a reporter's message in
      // Arabic still waiting for its German translation (a failed try, its reason kept).
      await db
        .insertInto('report_messages')
        .values([
          {
            report_id: id,
            author: 'office',
            body: 'Wir melden uns nächste Woche.',
            locale: 'de',
            phrase: 'more_detail',
            translation: 'سنتواصل معك الأسبوع القادم.',
            translation_locale: 'ar',
            sent_on: '2025-06-13',
            read_at: null,
          },
          {
            report_id: id,
            author: 'reporter',
            body: 'شكرا لكم.',
            locale: 'ar',
            phrase: null,
            translation: null,
            translation_locale: null,
            sent_on: '2025-06-14',
            read_at: null,
          },
        ])
        .execute();
      const waiting = await db
        .selectFrom('report_messages')
        .select('id')
        .where('report_id', '=', id)
        .where('author', '=', 'reporter')
        .where('locale', '=', 'ar')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('translation_jobs')
        .values({
          report_id: id,
          subject: `message:${waiting.id}`,
          source: 'ar',
          target: 'de',
          attempts: 2,
          last_error: 'timeout',
          failed: 0,
        })
        .execute();
    },
    async check(db, expect) {
      const id = await idOf(db, HOUSING.receipt_hash);
      const messages = await db
        .selectFrom('report_messages')
        .select(['author', 'body', 'locale', 'phrase', 'translation', 'translation_locale'])
        .where('report_id', '=', id)
        .where('locale', 'is not', null)
        .orderBy('id')
        .execute();
      expect(messages).toEqual([
        {
          author: 'office',
          body: 'Wir melden uns nächste Woche.',
          locale: 'de',
          phrase: 'more_detail',
          translation: 'سنتواصل معك الأسبوع القادم.',
          translation_locale: 'ar',
        },
        {
          author: 'reporter',
          body: 'شكرا لكم.',
          locale: 'ar',
          phrase: null,
          translation: null,
          translation_locale: null,
        },
      ]);
      const jobs = await db
        .selectFrom('translation_jobs')
        .select(['source', 'target', 'attempts', 'last_error', 'failed'])
        .where('report_id', '=', id)
        .execute();
      expect(jobs.map((j) => ({ ...j, attempts: Number(j.attempts), failed: Number(j.failed) }))).toEqual([
        { source: 'ar', target: 'de', attempts: 2, last_error: 'timeout', failed: 0 },
      ]);
      // The German translation seeded at 0003 is in the copy the full-text index reads.
      const row = await db
        .selectFrom('reports')
        .select('search_translation')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.search_translation).toContain('Vermieter');
    },
  },
  {
    after: '0013_create_notifications',
    async insert(db) {
      const clara = await db
        .selectFrom('staff_users')
        .select('id')
        .where('username', '=', 'clara')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('staff_notification_settings')
        .values({
          user_id: clara.id,
          email: 'clara@office.example',
          mode: 'instant',
          updated_at: '2025-10-01T08:00:00.000Z',
        })
        .execute();
      await db.insertInto('notification_queue').values({ kind: 'report.new', recipient: 'office' }).execute();
    },
    async check(db, expect) {
      const settings = await db.selectFrom('staff_notification_settings').select(['email', 'mode']).execute();
      expect(settings).toEqual([{ email: 'clara@office.example', mode: 'instant' }]);
      const queued = await db
        .selectFrom('notification_queue')
        .select(['kind', 'recipient', 'attempts'])
        .where('kind', '=', 'report.new')
        .execute();
      expect(queued).toEqual([{ kind: 'report.new', recipient: 'office', attempts: 0 }]);
    },
  },
  {
    after: '0014_store_reporter_notice_addresses',
    async insert(db) {
      const id = await idOf(db, BUS.receipt_hash);
      await db
        .insertInto('report_notice_addresses')
        .values({ report_id: id, sealed: 'v1.sealed-notice-address', stored_on: '2025-10-02' })
        .execute();
      await db
        .insertInto('notification_queue')
        .values({ kind: 'reporter.reply', recipient: `reporter:${id}` })
        .execute();
    },
    async check(db, expect) {
      const id = await idOf(db, BUS.receipt_hash);
      const stored = await db
        .selectFrom('report_notice_addresses')
        .select(['report_id', 'sealed', 'stored_on'])
        .execute();
      expect(stored).toEqual([{ report_id: id, sealed: 'v1.sealed-notice-address', stored_on: '2025-10-02' }]);
      const queued = await db
        .selectFrom('notification_queue')
        .select('recipient')
        .where('kind', '=', 'reporter.reply')
        .execute();
      expect(queued).toEqual([{ recipient: `reporter:${id}` }]);
    },
  },
  {
    after: '0015_flagged_reports_work',
    async insert(db) {
      const id = await idOf(db, BUS.receipt_hash);
      await db.updateTable('reports').set({ text_group: id }).where('id', '=', id).execute();
      await db
        .insertInto('report_text_bands')
        .values({ band: '0:seed', report_id: id, received_on: '2025-03-04' })
        .execute();
    },
    async check(db, expect) {
      const id = await idOf(db, BUS.receipt_hash);
      const row = await db.selectFrom('reports').select('text_group').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.text_group).toBe(id);
      expect(await db.selectFrom('report_text_bands').select(['band', 'report_id']).execute()).toEqual([
        { band: '0:seed', report_id: id },
      ]);
    },
  },
];

/** The words the full-text search must find each seeded report by, once migrated. */
export const SEEDED_WORDS: Record<string, string> = {
  [BUS.receipt_hash]: 'beschimpft',
  [HOUSING.receipt_hash]: 'المؤجر',
  [PHONE.receipt_hash]: 'hakaret',
};
