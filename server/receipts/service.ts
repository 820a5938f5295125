import type { ReceiptStatus } from '../../shared/report';
import { INCIDENT_FORMS } from '../../shared/taxonomy';
import type { Locale } from '../../shared/locales';
import type { ReportRow } from '../../db/schema';
import { anonymise } from '../anonymiser';
import { isoDay, type Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Notify } from '../notifications/kinds';
import { forgetTokensBefore, hashOneTimeToken } from '../reports/one-time-token';
import type { ReportsRepo } from '../reports/repo';
import { whenOf } from '../reports/service';
import type { Translation } from '../translation/service';
import { receiptMessageView } from '../translation/views';
import { hashReceiptCode, normaliseReceiptCode } from './code';
import type { FailureThrottle } from './throttle';

export interface ReceiptsServiceDeps {
  repo: ReportsRepo;
  clock: Clock;
  receiptSecret: string;
  throttle: FailureThrottle;
  /** Tells staff that a reporter wrote (never what); never throws. */
  notify?: Notify;
  /** Asks for the machine translation of a message in the write that stores it (server/translation/). */
  translation?: Pick<Translation, 'forMessages' | 'queued'>;
}

/** What a reporter can do with nothing but their receipt code. */
export function createReceiptsService({
  repo,
  clock,
  receiptSecret,
  throttle,
  notify,
  translation,
}: ReceiptsServiceDeps) {
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
    /** `reader`: the language of the page (or the request), in which the office's messages are shown. */
    async status(code: string, clientKey: string, reader: Locale = 'de'): Promise<ReceiptStatus> {
      const report = await open(code, clientKey);
      const messages = await repo.messagesOf(report.id);
      const codes = await repo.codesOf(report.id, 'reporter');
      await repo.markOfficeMessagesRead(report.id, clock.now().toISOString());
      const incidentForms = INCIDENT_FORMS.filter((form) =>
        codes.some((c) => c.dimension === 'incident_form' && c.code === form),
      );
      return {
        status: report.status as ReceiptStatus['status'],
        receivedOn: report.received_on,
        yourAnswers: {
          incidentForms,
          when: whenOf(report.when_precision, report.when_value),
          ongoing: Number(report.ongoing) === 1,
          municipality: report.municipality,
          online: Number(report.online) === 1,
        },
        messages: messages.map((m) => receiptMessageView(m, report.locale, reader)),
      };
    },

    /**
     * Added information and answers to the office are anonymised like the report itself. A message form's
     * one-time token makes a repeat of the same post (a reload, a second tap) store nothing.
     */
    async addMessage(
      code: string,
      clientKey: string,
      body: string,
      locale: Locale,
      messageToken: string | null = null,
    ): Promise<void> {
      const report = await open(code, clientKey);
      const now = clock.now();
      const day = isoDay(now);
      const sentToken = messageToken
        ? { hash: hashOneTimeToken(messageToken, receiptSecret), day, forgetBefore: forgetTokensBefore(day) }
        : undefined;
      if (sentToken && (await repo.tokenUsed(sentToken.hash))) throw new AppError(409, 'errors.already_sent');
      if (report.status === 'closed' || report.status === 'rejected' || report.text_deleted_on) {
        throw new AppError(409, 'errors.report_closed');
      }
      try {
        await repo.addMessage(
          report.id,
          { author: 'reporter', body: anonymise(body, locale).text, locale },
          day,
          now.toISOString(),
          // The stored (anonymised) words are translated for the office, beside the server, never before.
          { sentToken, followUps: translation?.forMessages(report.id) ?? [] },
        );
      } catch (error) {
        // The same form posted twice at once: the other request stored it.
        if (sentToken && /unique/i.test(String(error)) && (await repo.tokenUsed(sentToken.hash)))
          throw new AppError(409, 'errors.already_sent');
        throw error;
      }
      translation?.queued();
      await notify?.('reporter.message');
    },

    async withdraw(code: string, clientKey: string): Promise<void> {
      const report = await open(code, clientKey);
      await repo.delete(report.id);
    },
  };
}
export type ReceiptsService = ReturnType<typeof createReceiptsService>;
