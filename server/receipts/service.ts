import type { ReceiptStatus } from '../../shared/report';
import type { Locale } from '../../shared/locales';
import type { ReportRow } from '../../db/schema';
import { anonymise } from '../anonymiser';
import { isoDay, type Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Notify } from '../notifications/kinds';
import type { ReportsRepo } from '../reports/repo';
import { hashReceiptCode, normaliseReceiptCode } from './code';
import type { FailureThrottle } from './throttle';

export interface ReceiptsServiceDeps {
  repo: ReportsRepo;
  clock: Clock;
  receiptSecret: string;
  throttle: FailureThrottle;
  /** Tells staff that a reporter wrote (never what); never throws. */
  notify?: Notify;
}

/** What a reporter can do with nothing but their receipt code. */
export function createReceiptsService({ repo, clock, receiptSecret, throttle, notify }: ReceiptsServiceDeps) {
  /** The report behind a code; a wrong code counts against the (anonymous) client and the whole server. */
  async function open(code: string, clientKey: string): Promise<ReportRow> {
    if (await throttle.isBlocked(clientKey)) {
      throw new AppError(429, 'errors.receipt_throttled', {}, throttle.retryAfterSeconds());
    }
    const normalised = normaliseReceiptCode(code);
    const report = normalised ? await repo.findByReceiptHash(hashReceiptCode(normalised, receiptSecret)) : undefined;
    if (!report) {
      await throttle.recordFailure(clientKey);
      throw new AppError(404, 'errors.receipt_unknown', { receipt: 'errors.receipt_unknown' });
    }
    return report;
  }

  return {
    async status(code: string, clientKey: string): Promise<ReceiptStatus> {
      const report = await open(code, clientKey);
      const messages = await repo.messagesOf(report.id);
      await repo.markOfficeMessagesRead(report.id, clock.now().toISOString());
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
      const now = clock.now();
      await repo.addMessage(report.id, 'reporter', anonymise(body, locale).text, isoDay(now), now.toISOString());
      await notify?.('reporter.message');
    },

    async withdraw(code: string, clientKey: string): Promise<void> {
      const report = await open(code, clientKey);
      await repo.delete(report.id);
    },
  };
}
export type ReceiptsService = ReturnType<typeof createReceiptsService>;
