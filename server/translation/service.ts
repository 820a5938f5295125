import type { Compilable, Kysely } from 'kysely';
import type { AtomicWriter } from '../../db/atomic';
import type { Database } from '../../db/schema';
import { isLocale, type Locale } from '../../shared/locales';
import type { Clock } from '../clock';
import type { Logger } from '../http/request-log';
import { joinPieces, piecesOf, plausibleTranslation } from './chunks';
import { createTranslationJobs, type TranslationJob } from './jobs';
import { TranslationError, type TranslationFailure, type Translator } from './translator';

/** Rows a pass looks at: those never tried first, so that a backlog of retries never keeps new texts waiting. */
const LOOKED_AT = 100;
/** Translations per pass; a pass that did this many is followed by another at once. */
const PER_PASS = 20;
/** Retries are at most this many minutes apart. */
const LONGEST_WAIT_MINUTES = 64;

export interface TranslationDeps {
  db: Kysely<Database>;
  atomic: AtomicWriter;
  /** Null: no translator set up (TRANSLATION_BACKEND=none): nothing is queued, the phrasebook is the way. */
  translator: Translator | null;
  clock: Clock;
  log: Logger;
  /** Called after something was queued: the Node server starts a pass at once. */
  onQueued?: () => void;
}

export interface TranslationPass {
  translated: number;
  retried: number;
  failed: number;
}

/** Whether a job is due in this minute: first tries at once, then after 1, 2, 4 … 64 minutes. */
export function dueInMinute(attempts: number, minute: number): boolean {
  if (attempts === 0) return true;
  return minute % Math.min(2 ** (attempts - 1), LONGEST_WAIT_MINUTES) === 0;
}

/**
 * Machine translation both ways, never holding anything back: the services ask for translations with a
 * statement in the write that stores a text (`forReport`, `forMessages`), and a pass (the Node server's loop,
 * the Worker's cron trigger) works them off. A job that fails is retried: 1, 2, 4 … minutes later, always on
 * whole minutes of the clock, so that no time is stored and none is needed. After a restart every waiting
 * job is tried once (a restart often follows a repaired setting). A language the translator does not have
 * waits for a person ("translate now").
 */
export function createTranslation(deps: TranslationDeps) {
  const { translator, log } = deps;
  const jobs = createTranslationJobs(deps.db);
  /** This process's last try of each job, by minute: a job is tried once a minute at most. */
  const triedIn = new Map<number, number>();
  let started = false;

  async function translateText(text: string, from: Locale, to: Locale, timeoutMs?: number): Promise<string> {
    if (!translator) throw new TranslationError('unavailable');
    const pieces = piecesOf(text);
    const translated: string[] = [];
    for (const piece of pieces) {
      const answer = await translator.translate(piece.text, from, to, timeoutMs ? { timeoutMs } : {});
      if (!plausibleTranslation(piece.text, answer)) throw new TranslationError('malformed');
      translated.push(answer);
    }
    return joinPieces(pieces, translated);
  }

  /** One attempt at one job: the translation written, or the reason it failed noted. */
  async function attempt(job: TranslationJob): Promise<'translated' | 'gone' | 'taken' | TranslationError> {
    if (!(await jobs.claim(job))) return 'taken';
    const claimed = job.attempts + 1;
    const text = await jobs.textOf(job);
    if (text === null) {
      await jobs.drop(job);
      return 'gone';
    }
    try {
      if (!isLocale(job.source) || !isLocale(job.target)) throw new TranslationError('unsupported');
      const foreign = job.target === 'de' ? job.source : job.target;
      if ((await translator!.covers(foreign as Locale)) === false) throw new TranslationError('unsupported');
      const translated = await translateText(text, job.source, job.target);
      await deps.atomic(jobs.finish(job, text, translated, claimed));
      return 'translated';
    } catch (error) {
      const failure = error instanceof TranslationError ? error : new TranslationError('server_error');
      await jobs.failed(job, failure.failure, failure.permanent);
      return failure;
    }
  }

  return {
    /** Whether a translator is set up at all (else the back office offers the phrasebook only). */
    get configured() {
      return translator !== null;
    },
    kind: translator?.kind ?? null,

    /** Statements for the write that stores a report: its texts' translations, when a translator is set up. */
    forReport(where: { receiptHash: string } | { id: number }): Compilable[] {
      return translator ? jobs.forReport(where) : [];
    },

    /** Statements for the write that stores a message: the report's messages' translations. */
    forMessages(reportId: number): Compilable[] {
      return translator ? [jobs.forMessages(reportId)] : [];
    },

    /** After a write with the statements above. */
    queued(): void {
      if (translator) deps.onQueued?.();
    },

    /** The report's waiting and failed jobs, for the back office. */
    jobsOf: (reportId: number) => jobs.of(reportId),

    /** Whether the translator covers a language (null: cannot say right now, or none is set up). */
    covers: async (locale: Locale) => (translator ? translator.covers(locale) : null),

    /**
     * What the reporter will read of a caseworker's words, before they are sent: translated now, within the
     * translator's time. A failure is said, not thrown: the message can still be sent (and is translated later).
     */
    async preview(text: string, to: Locale): Promise<{ text: string } | { failure: TranslationFailure }> {
      try {
        return { text: await translateText(text, 'de', to) };
      } catch (error) {
        return { failure: error instanceof TranslationError ? error.failure : 'server_error' };
      }
    },

    /**
     * One pass over the queue: due jobs, oldest first. The first failure that may pass ends the pass (the
     * translator is down or slow: the rest wait too). True when more is waiting.
     */
    async runOnce(): Promise<boolean> {
      if (!translator) return false;
      const minute = Math.floor(deps.clock.now().getTime() / 60_000);
      const everyOnce = !started;
      started = true;
      for (const [id, tried] of triedIn) if (tried < minute) triedIn.delete(id);
      const result: TranslationPass = { translated: 0, retried: 0, failed: 0 };
      const waiting = await jobs.waiting(LOOKED_AT);
      let done = 0;
      for (const job of waiting) {
        if (done >= PER_PASS) break;
        if (triedIn.get(job.id) === minute) continue;
        if (!everyOnce && !dueInMinute(job.attempts, minute)) continue;
        triedIn.set(job.id, minute);
        const outcome = await attempt(job);
        if (outcome === 'taken' || outcome === 'gone') continue;
        done++;
        if (outcome === 'translated') result.translated++;
        else if (outcome.permanent) result.failed++;
        else {
          result.retried++;
          log({ job: 'translation', level: 'warn', failure: outcome.failure, waiting: waiting.length });
          break;
        }
      }
      if (result.translated || result.retried || result.failed) log({ job: 'translation', ...result });
      return done >= PER_PASS;
    },

    /**
     * "Translate now", from the back office: every text of the report without a translation is queued (also
     * those from before a translator was set up), jobs given up are taken up again, and all are tried at once.
     */
    async translateReport(reportId: number): Promise<{ translated: number; failure: TranslationFailure | null }> {
      if (!translator) return { translated: 0, failure: 'unavailable' };
      await deps.atomic([...jobs.forReport({ id: reportId }), jobs.forMessages(reportId), jobs.revive(reportId)]);
      let translated = 0;
      let failure: TranslationFailure | null = null;
      for (const job of await jobs.waiting(LOOKED_AT, reportId)) {
        const outcome = await attempt(job);
        if (outcome === 'translated') translated++;
        else if (outcome instanceof TranslationError) {
          failure ??= outcome.failure;
          if (!outcome.permanent) break;
        }
      }
      return { translated, failure };
    },
  };
}
export type Translation = ReturnType<typeof createTranslation>;
