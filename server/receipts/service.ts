import type { ReceiptStatus } from '../../shared/report';
import type { Locale } from '../../shared/locales';
import { withoutBidiControls } from '../../shared/bidi';
import type { ReportRow } from '../../db/schema';
import { anonymise } from '../anonymiser';
import { isoDay, type Clock } from '../clock';
import { AppError } from '../http/errors';
import type { ReportsRepo } from '../reports/repo';
import { hashReceiptCode, normaliseReceiptCode } from './code';
import type { FailureThrottle } from './throttle';

export interface ReceiptsServiceDeps {
  repo: ReportsRepo;
  clock: Clock;
  receiptSecret: string;
  throttle: FailureThrottle;
  /** Makes deleted text unrecoverable from the search index and the database files (shared with redaction and retention). */
  purgeDeletedText: () => Promise<void>;
}

/** What a reporter can do with nothing but their receipt code. */
export function createReceiptsService({ repo, clock, receiptSecret, throttle, purgeDeletedText }: ReceiptsServiceDeps) {
  const throttled = (clientKey: string) =>
    new AppError(429, 'errors.receipt_throttled', {}, throttle.retryAfterSeconds(clientKey));

  /**
   * The report behind a code; a wrong code counts against the (anonymous) client only. A client that sent
   * many wrong codes waits before its next lookup, unless `always`: a withdrawal with a correct code is never
   * refused, whoever else shares the address.
   */
  async function open(code: string, clientKey: string, { always = false } = {}): Promise<ReportRow> {
    const blocked = throttle.isBlocked(clientKey);
    if (blocked && !always) throw throttled(clientKey);
    const normalised = normaliseReceiptCode(code);
    const report = normalised ? await repo.findByReceiptHash(hashReceiptCode(normalised, receiptSecret)) : undefined;
    if (!report) {
      throttle.recordFailure(clientKey);
      if (blocked) throw throttled(clientKey);
      throw new AppError(404, 'errors.receipt_unknown', { receipt: 'errors.receipt_unknown' });
    }
    return report;
  }

  return {
    async status(code: string, clientKey: string): Promise<ReceiptStatus> {
      const report = await open(code, clientKey);
      const messages = await repo.messagesOf(report.id);
      // A day only: the time a reporter looked, matched against a network log, would point at a connection.
      await repo.markOfficeMessagesRead(report.id, isoDay(clock.now()));
      return {
        status: report.status as ReceiptStatus['status'],
        receivedOn: report.received_on,
        messages: messages.map((m) => ({
          id: m.id,
          author: m.author,
          body: m.body,
          sentOn: m.sent_on,
          unread: m.read_at === null,
        })),
      };
    },

    /** Added information and answers to the office are anonymised like the report itself. */
    async addMessage(code: string, clientKey: string, body: string, locale: Locale): Promise<void> {
      const report = await open(code, clientKey);
      if (report.status === 'closed' || report.status === 'rejected' || report.text_deleted_on) {
        throw new AppError(409, 'errors.report_closed');
      }
      const today = isoDay(clock.now());
      await repo.addMessage(report.id, 'reporter', anonymise(withoutBidiControls(body), locale).text, today, today);
    },

    /** Deletes the report and everything of it, and purges its words from the index and the files at once. */
    async withdraw(code: string, clientKey: string): Promise<void> {
      const report = await open(code, clientKey, { always: true });
      await repo.delete(report.id);
      await purgeDeletedText();
    },
  };
}
export type ReceiptsService = ReturnType<typeof createReceiptsService>;
