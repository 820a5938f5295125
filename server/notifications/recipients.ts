import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { NoticeChoiceView } from '../../shared/notifications';
import type { StaffLocale } from '../../shared/staff';
import { isLocale, type Locale } from '../../shared/locales';
import { openNoticeAddress } from '../cases/contacts';
import type { Sealer } from '../crypto/sealing';
import type { Clock } from '../clock';
import type { NoticeKind, RecipientKey } from './kinds';
import type { NoticeMode, NotificationSettings } from './settings';

export type Recipient =
  | {
      key: RecipientKey;
      channel: 'mail' | 'webhook';
      /** The mailbox; null for the webhook. */
      address: string | null;
      locale: StaffLocale;
    }
  | { key: `reporter:${number}`; channel: 'reporter'; address: string; locale: Locale };

/** Analysts see statistics only: a notice about the inbox is not for them. */
const CASEWORK_ROLES = ['admin', 'caseworker'] as const;

/**
 * Who receives which notice: staff who opted in (each notice, or the daily digest), the office's shared
 * mailbox if one is set, and the webhook. Urgent notices go to everyone at once, also to digest readers:
 * someone in danger cannot wait for the morning.
 */
export function createRecipients(db: Kysely<Database>, settings: NotificationSettings, contactSealer: Sealer) {
  async function staffWith(modes: readonly NoticeMode[]): Promise<RecipientKey[]> {
    if (!settings.mail) return [];
    const rows = await db
      .selectFrom('staff_notification_settings as s')
      .innerJoin('staff_users as u', 'u.id', 's.user_id')
      .select('s.user_id')
      .where('s.mode', 'in', modes)
      .where('u.disabled', '=', 0)
      .where('u.role', 'in', CASEWORK_ROLES)
      .orderBy('s.user_id')
      .execute();
    return rows.map((r) => `staff:${r.user_id}` as const);
  }

  function others(modes: readonly NoticeMode[], withWebhook: boolean): RecipientKey[] {
    return [
      ...(settings.officeMailbox && modes.includes(settings.officeMailbox.mode) ? (['office'] as const) : []),
      ...(withWebhook && settings.webhook ? (['webhook'] as const) : []),
    ];
  }

  return {
    /** Everyone a notice of this kind goes to (the webhook is a chat channel: each notice, never a digest). */
    async forKind(kind: NoticeKind): Promise<RecipientKey[]> {
      const modes: readonly NoticeMode[] =
        kind === 'report.urgent' ? ['instant', 'digest'] : kind === 'digest' ? ['digest'] : ['instant'];
      return [...(await staffWith(modes)), ...others(modes, kind !== 'digest' && kind !== 'test')];
    },

    /** The address behind a queued notice now: a person who opted out meanwhile gets nothing. */
    async resolve(key: RecipientKey): Promise<Recipient | null> {
      if (key.startsWith('reporter:')) return reporterOf(key as `reporter:${number}`);
      if (key === 'webhook') return settings.webhook ? { key, channel: 'webhook', address: null, locale: 'de' } : null;
      if (key === 'office')
        return settings.officeMailbox
          ? { key, channel: 'mail', address: settings.officeMailbox.address, locale: 'de' }
          : null;
      const row = await db
        .selectFrom('staff_notification_settings as s')
        .innerJoin('staff_users as u', 'u.id', 's.user_id')
        .select(['s.email', 'u.locale'])
        .where('s.user_id', '=', Number(key.slice('staff:'.length)))
        .where('u.disabled', '=', 0)
        .where('u.role', 'in', CASEWORK_ROLES)
        .executeTakeFirst();
      if (!row || !settings.mail) return null;
      return { key, channel: 'mail', address: row.email, locale: row.locale === 'en' ? 'en' : 'de' };
    },
  };

  /** The address a reporter left for notices, opened only now; none once the case is closed or withdrawn. */
  async function reporterOf(key: `reporter:${number}`): Promise<Recipient | null> {
    if (!settings.mail) return null;
    const row = await db
      .selectFrom('report_notice_addresses as n')
      .innerJoin('reports as r', 'r.id', 'n.report_id')
      .select(['n.sealed', 'r.receipt_hash', 'r.locale'])
      .where('n.report_id', '=', Number(key.slice('reporter:'.length)))
      .where('r.status', 'not in', ['closed', 'rejected'])
      .executeTakeFirst();
    const address = row && openNoticeAddress(contactSealer, row.receipt_hash, row.sealed);
    if (!row || !address) return null;
    return { key, channel: 'reporter', address, locale: isLocale(row.locale) ? row.locale : 'de' };
  }
}
export type Recipients = ReturnType<typeof createRecipients>;

/** Each staff account's own choice, stored per account (set on /staff/notifications). */
export function createNoticeChoices(db: Kysely<Database>, clock: Clock) {
  return {
    async choiceOf(userId: number): Promise<NoticeChoiceView> {
      const row = await db
        .selectFrom('staff_notification_settings')
        .select(['email', 'mode'])
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? { mode: row.mode, email: row.email } : { mode: 'off', email: null };
    },

    /** The choice as a write, to go with its audit row. Opting out deletes the address: nothing unused is kept. */
    choiceWrite(userId: number, choice: { mode: 'off' } | { mode: NoticeMode; email: string }) {
      if (choice.mode === 'off') return db.deleteFrom('staff_notification_settings').where('user_id', '=', userId);
      const row = { email: choice.email, mode: choice.mode, updated_at: clock.now().toISOString() };
      return db
        .insertInto('staff_notification_settings')
        .values({ user_id: userId, ...row })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(row));
    },
  };
}
export type NoticeChoices = ReturnType<typeof createNoticeChoices>;
