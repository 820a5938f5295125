import type { Locale } from '../../shared/locales';
import type { IncidentWhen, ReportSubmission } from '../../shared/report';
import type { ReceivedVia } from '../../shared/staff';
import { withoutBidiControls } from '../../shared/bidi';
import type { ReportFlag } from '../../shared/report-flags';
import { anonymise } from '../anonymiser';
import { isoDay, type Clock } from '../clock';
import { sealContact } from '../cases/contacts';
import type { Sealer } from '../crypto/sealing';
import { AppError } from '../http/errors';
import { generateReceiptCode, hashReceiptCode, normaliseReceiptCode } from '../receipts/code';
import type { CodeRow, ReportsRepo } from './repo';

export interface ReportsServiceDeps {
  repo: ReportsRepo;
  clock: Clock;
  receiptSecret: string;
  /** The caseworkers' German version of a description; null when it cannot be made (in time). Never throws. */
  translateToGerman?: (text: string, locale: Locale) => Promise<string | null>;
  /** Seals contact details for counselling; they never enter the report's text. */
  contactSealer: Sealer;
  /** Public reports per day (all clients together) after which a report is flagged as a possible flood. */
  floodSoftLimit: number;
}

/**
 * Where a report comes from: entered by staff (and how it reached them), or from the public, with or without
 * the proof of work solved.
 */
export type SubmissionOrigin = { receivedVia: ReceivedVia } | { verified: boolean };

/** What the reporter will see on the review screen and what is stored: the same function decides both. */
export function prepareForStorage(submission: ReportSubmission) {
  return {
    description: anonymise(withoutBidiControls(submission.description), submission.locale),
    consequences: anonymise(withoutBidiControls(submission.consequences), submission.locale),
  };
}

/** Caseworkers read German; a report written in German (or Leichte Sprache) needs no translation. */
function needsTranslation(submission: ReportSubmission): boolean {
  return submission.channel === 'assistant' && submission.locale !== 'de' && submission.locale !== 'de-LS';
}

export function createReportsService({
  repo,
  clock,
  receiptSecret,
  translateToGerman,
  contactSealer,
  floodSoftLimit,
}: ReportsServiceDeps) {
  /**
   * Soft limits flag rather than refuse: past the day's soft limit a report is marked as a possible flood,
   * and one sent without the proof of work as not verified. Both stay out of the statistics until a
   * caseworker has looked; nobody is turned away.
   */
  async function flagOf(origin: SubmissionOrigin, today: string): Promise<ReportFlag | null> {
    if ('receivedVia' in origin) return null;
    if ((await repo.publicReportsReceivedOn(today, floodSoftLimit)) >= floodSoftLimit) return 'flood';
    return origin.verified ? null : 'unverified';
  }

  return {
    /**
     * Stores an anonymised report and returns its receipt code, which exists nowhere else from then on.
     * Staff entering a report received by phone, letter or in person say so in the origin.
     */
    async submit(
      submission: ReportSubmission,
      origin: SubmissionOrigin = { verified: false },
    ): Promise<{ receipt: string }> {
      const staffEntry = 'receivedVia' in origin ? origin : undefined;
      assertNotInFuture(submission.when, clock);
      const { description, consequences } = prepareForStorage(submission);
      // Translated after anonymisation, so no personal data removed here ever reaches the model.
      const descriptionDe =
        translateToGerman && needsTranslation(submission)
          ? await translateToGerman(description.text, submission.locale)
          : null;
      const today = isoDay(clock.now());
      const flag = await flagOf(origin, today);
      for (let attempt = 0; ; attempt++) {
        const receipt = generateReceiptCode();
        const receiptHash = hashReceiptCode(normaliseReceiptCode(receipt)!, receiptSecret);
        try {
          await repo.insert(
            {
              receipt_hash: receiptHash,
              channel: staffEntry ? 'staff' : submission.channel,
              received_via: staffEntry?.receivedVia ?? null,
              locale: submission.locale,
              description: description.text,
              consequences: consequences.text,
              municipality: submission.place.municipality,
              online: submission.place.online ? 1 : 0,
              when_precision: submission.when.precision,
              when_value: whenValue(submission.when),
              ongoing: submission.ongoing ? 1 : 0,
              witnesses: submission.witnesses,
              support_wanted: submission.supportWanted ? 1 : 0,
              // Days only: a time of day of what a reporter caused, matched against a network log, would
              // point at a connection.
              received_on: today,
              updated_at: today,
              flag,
            },
            reporterCodes(submission),
            {
              ...(submission.contact
                ? { sealedContact: sealContact(contactSealer, receiptHash, submission.contact) }
                : {}),
              ...(descriptionDe ? { germanDescription: descriptionDe } : {}),
            },
          );
          return { receipt };
        } catch (error) {
          // 80 random bits make a collision all but impossible; should one happen, the unique index says so.
          if (attempt < 2 && /unique/i.test(String(error))) continue;
          throw error;
        }
      }
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;

function reporterCodes(s: ReportSubmission): CodeRow[] {
  // Naming a form of racism implies the ground: the statistics must not count it under nothing.
  const grounds = s.racismForms.length && !s.grounds.includes('racism') ? [...s.grounds, 'racism' as const] : s.grounds;
  return [
    ...grounds.map((code) => ({ dimension: 'ground', code })),
    ...s.racismForms.map((code) => ({ dimension: 'racism_form', code })),
    ...s.incidentForms.map((code) => ({ dimension: 'incident_form', code })),
    ...(s.lifeDomain ? [{ dimension: 'life_domain', code: s.lifeDomain }] : []),
    ...(s.reporterRole ? [{ dimension: 'reporter_role', code: s.reporterRole }] : []),
  ];
}

export function whenValue(when: IncidentWhen): string | null {
  switch (when.precision) {
    case 'day':
      return when.date;
    case 'month':
      return `${when.year}-${String(when.month).padStart(2, '0')}`;
    case 'year':
      return String(when.year);
    case 'unknown':
      return null;
  }
}

function assertNotInFuture(when: IncidentWhen, clock: Clock): void {
  const value = whenValue(when);
  if (value && value > isoDay(clock.now()).slice(0, value.length)) {
    throw new AppError(422, 'errors.validation', { when: 'errors.date_in_future' });
  }
}
