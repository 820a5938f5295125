import type { Locale } from '../../shared/locales';
import type { IncidentWhen, ReportSubmission } from '../../shared/report';
import {
  applyRemovals,
  removalPlaceholder,
  reviewDigest,
  type MarkedText,
  type Removed,
} from '../../shared/reviewed-text';
import type { ReceivedVia } from '../../shared/staff';
import { translatorFor } from '../../shared/i18n/catalog';
import { withoutBidiControls } from '../../shared/bidi';
import type { ReportFlag } from '../../shared/report-flags';
import { anonymise, findPlaceholders } from '../anonymiser';
import { detectDanger } from '../assistant/danger';
import { isoDay, type Clock } from '../clock';
import { sealContact, sealNoticeAddress } from '../cases/contacts';
import type { Sealer } from '../crypto/sealing';
import { AppError } from '../http/errors';
import type { PreparedEvidence } from '../evidence/service';
import type { Notify } from '../notifications/kinds';
import { generateReceiptCode, hashReceiptCode, normaliseReceiptCode } from '../receipts/code';
import { forgetTokensBefore, hashOneTimeToken } from './one-time-token';
import type { Translation } from '../translation/service';
import { bandsOf, NEAR_DUPLICATE_DAYS, NEAR_DUPLICATE_SIMILARITY, similarity } from './near-duplicates';
import type { CodeRow, NearDuplicates, ReportsRepo, SentToken } from './repo';

export interface ReportsServiceDeps {
  repo: ReportsRepo;
  clock: Clock;
  receiptSecret: string;
  /** Asks for the machine translation of a report's texts in the write that stores it (server/translation/). */
  translation?: Pick<Translation, 'forReport' | 'queued'>;
  /** Seals contact details for counselling; they never enter the report's text. */
  contactSealer: Sealer;
  /** Tells staff that a report arrived (never what it says); never throws. */
  notify?: Notify;
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

/** One free text on the review screen: as the anonymiser left it, and as it will be stored. */
export interface ReviewedText {
  anonymised: { text: string; placeholders: { start: number; end: number }[] };
  stored: MarkedText;
}

/**
 * The texts of the review screen: anonymised, then without the words the reporter removed, with the digest
 * that the send button carries. The review screen shows these and `submitReviewed` stores these.
 */
export function reviewedTexts(
  submission: Pick<ReportSubmission, 'description' | 'consequences' | 'locale'>,
  removed: Removed,
) {
  const placeholder = removalPlaceholder(translatorFor(submission.locale));
  const one = (text: string, removedWords: number[]): ReviewedText => {
    const anonymised = anonymise(withoutBidiControls(text), submission.locale).text;
    const placeholders = findPlaceholders(anonymised, submission.locale).map(({ start, end }) => ({ start, end }));
    return {
      anonymised: { text: anonymised, placeholders },
      stored: applyRemovals(anonymised, placeholders, removedWords, placeholder),
    };
  };
  const description = one(submission.description, removed.description);
  const consequences = one(submission.consequences, removed.consequences);
  return { description, consequences, digest: reviewDigest(description.stored.text, consequences.stored.text) };
}

/**
 * What the review screen promised: the digest of the texts shown and the form's one-time token. A post
 * without a digest never came from the review screen (a script, a page from before digests): it is stored
 * as anonymised, as the JSON API stores it.
 */
export interface ReviewPromise {
  removed: Removed;
  digest: string | null;
  sendToken: string | null;
  /**
   * The cleaned files the review screen showed, made ready for the report's write only once every check has
   * passed: they are stored with the report in one atomic write, or not at all.
   */
  evidence?: () => Promise<PreparedEvidence | null>;
}

export function createReportsService({
  repo,
  clock,
  receiptSecret,
  translation,
  contactSealer,
  notify,
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
      files?: () => Promise<PreparedEvidence | null>,
    ): Promise<{ receipt: string }> {
      const { description, consequences } = prepareForStorage(submission);
      const texts = { description: description.text, consequences: consequences.text };
      // Files brought in with a report are stored in its write, or not at all.
      const evidence = (await files?.()) ?? undefined;
      try {
        const created = await store(submission, texts, { origin, evidence });
        await evidence?.sent().catch(() => undefined);
        return created;
      } catch (error) {
        await evidence?.abandon().catch(() => undefined);
        throw error;
      }
    },

    /**
     * Stores a report sent from the review screen: exactly the texts the screen showed (else nothing, and
     * `errors.review_changed`), once per form (a repeat stores nothing: `errors.already_sent`).
     */
    async submitReviewed(
      submission: ReportSubmission,
      promise: ReviewPromise,
      origin: SubmissionOrigin = { verified: false },
    ): Promise<{ receipt: string }> {
      const texts = reviewedTexts(submission, promise.removed);
      if (promise.digest !== null && texts.digest !== promise.digest) throw new AppError(409, 'errors.review_changed');
      const sentToken = promise.sendToken ? tokenRow(promise.sendToken) : undefined;
      if (sentToken && (await repo.tokenUsed(sentToken.hash))) throw new AppError(409, 'errors.already_sent');
      const stored = { description: texts.description.stored.text, consequences: texts.consequences.stored.text };
      const evidence = (await promise.evidence?.()) ?? undefined;
      try {
        const created = await store(submission, stored, { origin, sentToken, evidence });
        await evidence?.sent().catch(() => undefined);
        return created;
      } catch (error) {
        await evidence?.abandon().catch(() => undefined);
        throw error;
      }
    },

    /** Whether a form's one-time token has already been used: for a repeat that arrives by another way. */
    async alreadySent(token: string): Promise<boolean> {
      return repo.tokenUsed(tokenRow(token).hash);
    },
  };

  /** Whether the text is a near copy of one sent within the last two days (./near-duplicates.ts). */
  async function nearDuplicatesOf(description: string, today: string): Promise<NearDuplicates> {
    const since = new Date(`${today}T00:00:00Z`);
    since.setUTCDate(since.getUTCDate() - (NEAR_DUPLICATE_DAYS - 1));
    const forgetBefore = isoDay(since);
    const bands = bandsOf(description);
    const candidates = await repo.nearDuplicateCandidates(bands, forgetBefore, 5);
    const match = candidates.find((c) => similarity(c.description, description) >= NEAR_DUPLICATE_SIMILARITY);
    return match ? { join: match.id, forgetBefore } : { bands, forgetBefore };
  }

  function tokenRow(token: string): SentToken {
    const day = isoDay(clock.now());
    return { hash: hashOneTimeToken(token, receiptSecret), day, forgetBefore: forgetTokensBefore(day) };
  }

  async function store(
    submission: ReportSubmission,
    texts: { description: string; consequences: string },
    how: { origin: SubmissionOrigin; sentToken?: SentToken | undefined; evidence?: PreparedEvidence | undefined },
  ): Promise<{ receipt: string }> {
    const { origin, sentToken, evidence } = how;
    const staffEntry = 'receivedVia' in origin ? origin : undefined;
    assertNotInFuture(submission.when, clock);
    const today = isoDay(clock.now());
    const flag = await flagOf(origin, today);
    const nearDuplicates = await nearDuplicatesOf(texts.description, today);
    // The assistant's danger check over what is stored: such a report is urgent, and staff hear of it at once.
    const inDanger = detectDanger(`${texts.description}\n${texts.consequences}`) !== null;
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
            description: texts.description,
            consequences: texts.consequences,
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
            urgent: inDanger ? 1 : 0,
            flag,
          },
          reporterCodes(submission),
          {
            ...(submission.contact
              ? { sealedContact: sealContact(contactSealer, receiptHash, submission.contact) }
              : {}),
            ...(submission.noticeEmail
              ? { sealedNoticeAddress: sealNoticeAddress(contactSealer, receiptHash, submission.noticeEmail) }
              : {}),
            ...(sentToken ? { sentToken } : {}),
            nearDuplicates,
            ...(submission.channel === 'assistant' && !staffEntry ? { inferredCodes: inferredRows(submission) } : {}),
            ...(evidence ? { evidence: evidence.rows } : {}),
            // The stored texts are what is translated, after anonymisation: nothing removed here reaches a
            // translator. The report never waits for it: the job is done beside the server.
            followUps: translation?.forReport({ receiptHash }) ?? [],
          },
        );
        translation?.queued();
        await notify?.(inDanger ? 'report.urgent' : 'report.received');
        return { receipt };
      } catch (error) {
        if (!/unique/i.test(String(error))) throw error;
        // The same form sent twice at once: the other request stored it.
        if (sentToken && (await repo.tokenUsed(sentToken.hash))) throw new AppError(409, 'errors.already_sent');
        // 80 random bits make a collision all but impossible; should one happen, the unique index says so.
        if (attempt < 2) continue;
        throw error;
      }
    }
  }
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

/** The assistant's unconfirmed codes, less those the reporter's own coding already holds. */
function inferredRows(s: ReportSubmission): CodeRow[] {
  const own = new Set(reporterCodes(s).map((c) => `${c.dimension}:${c.code}`));
  return s.inferredCodes
    .filter((pair) => !own.has(pair))
    .map((pair) => {
      const [dimension = '', code = ''] = pair.split(':');
      return { dimension, code };
    });
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

/** The reverse of `whenValue`: a stored date back into what the reporter said. */
export function whenOf(precision: string, value: string | null): IncidentWhen {
  if (precision === 'day' && value) return { precision: 'day', date: value };
  if (precision === 'month' && value)
    return { precision: 'month', year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
  if (precision === 'year' && value) return { precision: 'year', year: Number(value) };
  return { precision: 'unknown' };
}

function assertNotInFuture(when: IncidentWhen, clock: Clock): void {
  const value = whenValue(when);
  if (value && value > isoDay(clock.now()).slice(0, value.length)) {
    throw new AppError(422, 'errors.validation', { when: 'errors.date_in_future' });
  }
}
