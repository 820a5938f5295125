import type { ReceiptStatus } from '../../shared/report';
import { INCIDENT_FORMS } from '../../shared/taxonomy';
import type { Locale } from '../../shared/locales';
import { withoutBidiControls } from '../../shared/bidi';
import type { ReportRow } from '../../db/schema';
import { anonymise } from '../anonymiser';
import { isoDay, type Clock } from '../clock';
import { AppError } from '../http/errors';
import type { PreparedEvidence } from '../evidence/service';
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
  /**
   * After a report's rows are deleted: its evidence files' bytes go, and the deleted words are made
   * unrecoverable from the index and the database files (the one purge, shared with redaction and retention).
   */
  purgeDeleted: (evidenceIds: string[]) => Promise<void>;
}

/** What a reporter can do with nothing but their receipt code. */
export function createReceiptsService({
  repo,
  clock,
  receiptSecret,
  throttle,
  notify,
  translation,
  purgeDeleted,
}: ReceiptsServiceDeps) {
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
    /** `reader`: the language of the page (or the request), in which the office's messages are shown. */
    async status(code: string, clientKey: string, reader: Locale = 'de'): Promise<ReceiptStatus> {
      const report = await open(code, clientKey);
      const messages = await repo.messagesOf(report.id);
      const codes = await repo.codesOf(report.id, 'reporter');
      // A day only: the time a reporter looked, matched against a network log, would point at a connection.
      await repo.markOfficeMessagesRead(report.id, isoDay(clock.now()));
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
        evidenceFiles: await repo.evidenceCount(report.id),
        messages: messages.map((m) => receiptMessageView(m, report.locale, reader)),
      };
    },

    /**
     * Added information and answers to the office are anonymised like the report itself. A message form's
     * one-time token makes a repeat of the same post (a reload, a second tap) store nothing. Files sent with
     * it (`evidence`, made ready only once every check has passed) are stored in the same write; with files,
     * the text may be empty (null).
     */
    async addMessage(
      code: string,
      clientKey: string,
      body: string | null,
      locale: Locale,
      messageToken: string | null = null,
      evidence?: () => Promise<PreparedEvidence | null>,
    ): Promise<void> {
      const report = await open(code, clientKey);
      const day = isoDay(clock.now());
      const sentToken = messageToken
        ? { hash: hashOneTimeToken(messageToken, receiptSecret), day, forgetBefore: forgetTokensBefore(day) }
        : undefined;
      if (sentToken && (await repo.tokenUsed(sentToken.hash))) throw new AppError(409, 'errors.already_sent');
      if (report.status === 'closed' || report.status === 'rejected' || report.text_deleted_on) {
        throw new AppError(409, 'errors.report_closed');
      }
      const files = (await evidence?.()) ?? null;
      if (body === null && !files) throw new AppError(422, 'errors.validation', { body: 'errors.message_required' });
      try {
        // A day only, for the message and for the report it changes (see DESIGN: time). The stored
        // (anonymised) words are translated for the office, beside the server, never before.
        await repo.addMessage(
          report.id,
          {
            author: 'reporter',
            body: body === null ? null : anonymise(withoutBidiControls(body), locale).text,
            locale,
          },
          day,
          day,
          {
            sentToken,
            files: files?.rows,
            followUps: body === null ? [] : (translation?.forMessages(report.id) ?? []),
          },
        );
      } catch (error) {
        await files?.abandon().catch(() => undefined);
        // The same form posted twice at once: the other request stored it.
        if (sentToken && /unique/i.test(String(error)) && (await repo.tokenUsed(sentToken.hash)))
          throw new AppError(409, 'errors.already_sent');
        throw error;
      }
      if (body !== null) translation?.queued();
      await files?.sent().catch(() => undefined);
      await notify?.('reporter.message');
    },

    /** Deletes the report and everything of it, and purges its words from the index and the files at once. */
    async withdraw(code: string, clientKey: string): Promise<void> {
      const report = await open(code, clientKey, { always: true });
      const { evidenceIds } = await repo.delete(report.id);
      await purgeDeleted(evidenceIds);
    },
  };
}
export type ReceiptsService = ReturnType<typeof createReceiptsService>;
