import { Hono, type MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import type { AppContext, AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { PROOF_PURPOSES, type ProofOfWork, type ProofPurpose } from './proof-of-work';
import type { IntakeSettings } from './settings';
import { SlidingWindowCounter } from './sliding-window';

const HOUR_MS = 60 * 60_000;

/** Per client and hour: with the proof of work solved, and without (no JavaScript, an old browser, a script). */
export interface Allowance {
  verified: number;
  unverified: number;
}

/**
 * Everything follows from one setting, the reports one client may send in an hour: a message is smaller than
 * a report, a conversation has many turns; without the proof of work, a third.
 */
export function allowancesFor(reportsPerHour: number): Record<ProofPurpose, Allowance> {
  const of = (verified: number) => ({ verified, unverified: Math.max(1, Math.ceil(verified / 3)) });
  return {
    report: of(reportsPerHour),
    message: of(2 * reportsPerHour),
    conversation: of(12 * reportsPerHour),
    // Files are sent as they are chosen, a few posts for each report.
    upload: of(5 * reportsPerHour),
  };
}

const REFUSAL: Record<ProofPurpose, string> = {
  report: 'errors.too_many_reports',
  message: 'errors.too_many_messages',
  conversation: 'errors.too_many_turns',
  upload: 'evidence.errors.too_many_uploads',
};

/** Where a request carries its answer: the widget's form field, or a header for JSON clients. */
export const PROOF_FIELD = 'altcha';
export const PROOF_HEADER = 'x-altcha';

/** True when the post carries a proof of work for this purpose that was solved, not expired and not used up. */
async function redeemAnswer(c: AppContext, proofOfWork: ProofOfWork, purpose: ProofPurpose): Promise<boolean> {
  const form = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c.req.header('content-type') ?? '')
    ? await c.req.parseBody()
    : {};
  const field = form[PROOF_FIELD];
  return proofOfWork.redeem(typeof field === 'string' ? field : c.req.header(PROOF_HEADER), purpose);
}

/** The refusal of an upload over its allowance, for the upload API (forms show it beside each file instead). */
export const UPLOAD_REFUSAL = REFUSAL.upload;

export function createIntakeGuard(deps: {
  proofOfWork: ProofOfWork;
  settings: IntakeSettings;
  clock: Clock;
  clientKey: (c: AppContext) => string;
}) {
  const allowances = allowancesFor(deps.settings.clientReportsPerHour);
  const counters = Object.fromEntries(
    PROOF_PURPOSES.map((p) => [p, new SlidingWindowCounter(deps.clock, HOUR_MS, allowances[p].verified)]),
  ) as Record<ProofPurpose, SlidingWindowCounter>;
  // Making a challenge costs the server one key derivation: as many as a client can use, and no more.
  const challengeAllowance = allowances.conversation.verified;
  const challenges = new SlidingWindowCounter(deps.clock, HOUR_MS, challengeAllowance);
  const redeemPosted = (c: AppContext, purpose: ProofPurpose) => redeemAnswer(c, deps.proofOfWork, purpose);

  return {
    /**
     * Before a post that stores something a reporter wrote: redeems the proof of work, and refuses (429, in
     * the person's language) a client that has used up its allowance. Only what was stored counts against
     * it, so a form sent back for a missing tick costs nothing. The route learns `c.var.intake.verified`.
     */
    guard(purpose: ProofPurpose): MiddlewareHandler<AppEnv> {
      return async (c, next) => {
        if (c.req.method !== 'POST') return next();
        const verified = await redeemPosted(c, purpose);
        const client = deps.clientKey(c);
        const allowance = allowances[purpose][verified ? 'verified' : 'unverified'];
        const counter = counters[purpose];
        if (counter.count(client) >= allowance)
          throw new AppError(429, REFUSAL[purpose], {}, counter.retryAfterSeconds(client, allowance));
        c.set('intake', { verified });
        await next();
        if (c.res.status >= 200 && c.res.status < 300) counter.add(client);
      };
    },

    /**
     * Before a post that carries files: cleaning them costs the server real work whatever comes of the post,
     * so every such post counts at once, against an allowance of its own. Over it, the files are left unread
     * (`c.var.uploads.refused`): a form shows them as refused beside the typed text, which stays; the upload
     * API answers 429. A post whose message or report already redeemed a proof of work (the receipt page's
     * message with a photo) is verified by it.
     */
    uploads(): MiddlewareHandler<AppEnv> {
      return async (c, next) => {
        const verified = c.get('intake')?.verified ?? (await redeemPosted(c, 'upload'));
        const client = deps.clientKey(c);
        const allowance = allowances.upload[verified ? 'verified' : 'unverified'];
        if (counters.upload.count(client) >= allowance) {
          c.set('uploads', { refused: true, retryAfterSeconds: counters.upload.retryAfterSeconds(client, allowance) });
        } else {
          c.set('uploads', { refused: false, retryAfterSeconds: 0 });
          counters.upload.add(client);
        }
        await next();
      };
    },

    /** `GET /api/challenge/:purpose`: a fresh challenge for the widget; never cached. */
    routes() {
      return new Hono<AppEnv>().get('/challenge/:purpose{report|message|conversation|upload}', async (c) => {
        const client = deps.clientKey(c);
        if (challenges.count(client) >= challengeAllowance)
          throw new AppError(
            429,
            'errors.too_many_turns',
            {},
            challenges.retryAfterSeconds(client, challengeAllowance),
          );
        challenges.add(client);
        c.header('Cache-Control', 'no-store');
        return c.json(await deps.proofOfWork.challenge(c.req.param('purpose') as ProofPurpose));
      });
    },
  };
}
