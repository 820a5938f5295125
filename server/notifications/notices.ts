import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { staffTranslatorFor, type StaffMessageKey } from '../../shared/i18n/staff/catalog';
import type { StaffLocale } from '../../shared/staff';
import type { Locale } from '../../shared/locales';
import { translatorFor } from '../../shared/i18n/catalog';
import { ACKNOWLEDGE_WITHIN_DAYS } from '../cases/service';
import { isoDay, type Clock } from '../clock';
import type { NoticeKind } from './kinds';

/**
 * A notice as it leaves: that something happened and a link into the back office. Never report text, a
 * receipt code, a report's id, a name, the reporter's language or place: a mailbox or chat is not the back
 * office, and a report's id beside the mail's time would tie a report to a time of day.
 */
export interface Notice {
  kind: NoticeKind;
  subject: string;
  /** The mail's whole text. */
  text: string;
  /** One or two lines for a chat message. */
  summary: string;
  link: string;
}

/** How much waits in the inbox: counts only, for the digest and the acknowledgement reminder. */
export interface InboxCounts {
  newReports: number;
  urgent: number;
  unread: number;
  dueTomorrow: number;
  overdue: number;
}

const OPEN = (eb: ExpressionBuilder<Database, 'reports'>) => eb('status', 'not in', ['closed', 'rejected']);

export async function inboxCounts(db: Kysely<Database>, clock: Clock): Promise<InboxCounts> {
  const today = clock.now();
  // Due tomorrow: received ACKNOWLEDGE_WITHIN_DAYS − 1 days ago; overdue: due before today.
  const receivedForTomorrow = isoDay(new Date(today.getTime() - (ACKNOWLEDGE_WITHIN_DAYS - 1) * 86_400_000));
  const receivedForToday = isoDay(new Date(today.getTime() - ACKNOWLEDGE_WITHIN_DAYS * 86_400_000));
  const counts = await db
    .selectFrom('reports')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('status', '=', 'new').then(1).else(0).end()).as('newReports'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('urgent', '=', 1), OPEN(eb)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('urgent'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('acknowledged_on', 'is', null), OPEN(eb), eb('received_on', '=', receivedForTomorrow)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('dueTomorrow'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('acknowledged_on', 'is', null), OPEN(eb), eb('received_on', '<', receivedForToday)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const unread = await db
    .selectFrom('report_messages')
    .select((eb) => eb.fn.count<number>('report_id').distinct().as('n'))
    .where('author', '=', 'reporter')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    newReports: Number(counts.newReports ?? 0),
    urgent: Number(counts.urgent ?? 0),
    unread: Number(unread.n),
    dueTomorrow: Number(counts.dueTomorrow ?? 0),
    overdue: Number(counts.overdue ?? 0),
  };
}

/** The kinds told to staff; a reporter's notice has words of its own (composeReporterNotice). */
type StaffNoticeKind = Exclude<NoticeKind, 'reporter.reply'>;

const SUBJECT: Record<StaffNoticeKind, StaffMessageKey> = {
  'report.received': 'notice.report_received.subject',
  'report.urgent': 'notice.report_urgent.subject',
  'reporter.message': 'notice.reporter_message.subject',
  'acknowledgement.due': 'notice.acknowledgement_due.subject',
  digest: 'notice.digest.subject',
  test: 'notice.test.subject',
};
const BODY: Record<StaffNoticeKind, StaffMessageKey> = {
  'report.received': 'notice.report_received.body',
  'report.urgent': 'notice.report_urgent.body',
  'reporter.message': 'notice.reporter_message.body',
  'acknowledgement.due': 'notice.acknowledgement_due.body',
  digest: 'notice.digest.body',
  test: 'notice.test.body',
};
/** Where the link leads: the inbox, filtered to what the notice is about. */
const PATH: Record<StaffNoticeKind, string> = {
  'report.received': '/staff/inbox?status=new',
  'report.urgent': '/staff/inbox?status=open&urgent=1',
  'reporter.message': '/staff/inbox?unread=1',
  'acknowledgement.due': '/staff/inbox?status=new',
  digest: '/staff/inbox',
  test: '/staff',
};

/**
 * The words of a notice in the recipient's language. Null when there is nothing to say any more (the
 * reports due tomorrow were acknowledged meanwhile; a digest of an empty inbox).
 */
export function composeNotice(
  kind: NoticeKind,
  locale: StaffLocale,
  baseUrl: string,
  counts: InboxCounts | null,
): Notice | null {
  if (kind === 'reporter.reply') return null;
  if (kind === 'acknowledgement.due' && counts && counts.dueTomorrow === 0) return null;
  if (kind === 'digest' && counts && Object.values(counts).every((n) => n === 0)) return null;
  const t = staffTranslatorFor(locale);
  const link = `${baseUrl}${PATH[kind]}`;
  const params = counts
    ? {
        new: counts.newReports,
        urgent: counts.urgent,
        unread: counts.unread,
        due: counts.dueTomorrow,
        overdue: counts.overdue,
      }
    : undefined;
  const subject = t(SUBJECT[kind]);
  const body = t(BODY[kind], params);
  const text = [
    body,
    '',
    t('notice.open', { link }),
    '',
    '-- ',
    t('notice.no_details'),
    t('notice.change', { link: `${baseUrl}/staff/notifications` }),
    '',
  ].join('\n');
  return { kind, subject, text, summary: `${subject}\n${body}`, link };
}

/**
 * The one notice a reporter gets, in the reporter's language: that the office has written, and where to read
 * it with the code. Never the message, the code, the report's number, or anything the reporter wrote.
 */
export function composeReporterNotice(locale: Locale, baseUrl: string): Notice {
  const t = translatorFor(locale);
  const link = `${baseUrl}/${locale}/receipt`;
  const subject = t('reporter_notice.subject');
  const body = t('reporter_notice.body', { link });
  const text = [body, '', '-- ', t('reporter_notice.why'), ''].join('\n');
  return { kind: 'reporter.reply', subject, text, summary: subject, link };
}

/** The kinds whose words count what waits in the inbox. */
export function needsCounts(kind: NoticeKind): boolean {
  return kind === 'acknowledgement.due' || kind === 'digest';
}
