import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { z } from 'zod';

/**
 * A proof of work (ALTCHA, self-hosted): before a report or a message is accepted as "verified", the browser
 * spends a few seconds of computation on a challenge from this server. It costs a person one wait; it costs
 * someone who sends thousands that wait thousands of times. No cookie, no third party, nothing about the
 * person: the challenge is random and signed, the answer is checked and forgotten.
 *
 * Deterministic challenges: the server picks the counter the browser must find, so the work is bounded (no
 * unlucky person waits ten times longer) and checking an answer costs one HMAC. Each key derivation is
 * PBKDF2-SHA-256 with 1 000 rounds, computed natively by the browser, so a browser is not much slower per
 * core than a script (which it would be with one plain hash per step, where the call overhead dominates).
 */
export type ProofPurpose = 'report' | 'message' | 'conversation' | 'upload';
export const PROOF_PURPOSES: readonly ProofPurpose[] = ['report', 'message', 'conversation', 'upload'];

const ROUNDS = 1000;
/** How long a challenge may be solved and used. Real time: the browser's timer runs on it too. */
const LIFETIME_MS: Record<ProofPurpose, number> = {
  report: 30 * 60_000,
  message: 30 * 60_000,
  conversation: 60 * 60_000,
  upload: 60 * 60_000,
};
/**
 * How often one answer may be used: once for a report or a message; a conversation's turns share one, and so
 * do the uploads of one report (files are sent as they are chosen, up to the office's limit of files).
 */
const USES: Record<ProofPurpose, number> = { report: 1, message: 1, conversation: 40, upload: 10 };
/** Bound on remembered answers; the oldest is forgotten first (by then it has nearly expired anyway). */
const MAX_REMEMBERED = 200_000;

export interface ProofOfWork {
  challenge(purpose: ProofPurpose): Promise<Challenge>;
  /**
   * True when the payload holds a correct answer to one of our challenges for this purpose, not expired and
   * not used up; counts one use. Anything else, malformed included, is simply false.
   */
  redeem(payload: string | undefined, purpose: ProofPurpose): Promise<boolean>;
}

const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({ nonce: z.string().max(64), data: z.record(z.string(), z.unknown()).optional() }).loose(),
    signature: z.string().max(200),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string().max(256) }).loose(),
});

/** `secret`: the server's receipt secret; the signing keys are derived from it, so every instance agrees. */
export function createProofOfWork({ secret, difficulty }: { secret: string; difficulty: number }): ProofOfWork {
  const derive = (purpose: string) => createHmac('sha256', secret).update(`proof-of-work:${purpose}`).digest('hex');
  const hmacSignatureSecret = derive('challenge');
  const hmacKeySignatureSecret = derive('key');
  // nonce → uses left and when it expires; per instance (with several, an answer may be used once on each).
  const remembered = new Map<string, { usesLeft: number; expiresAt: number }>();

  function forgetExpired(now: number) {
    for (const [nonce, entry] of remembered) {
      if (entry.expiresAt > now && remembered.size <= MAX_REMEMBERED) break;
      remembered.delete(nonce);
    }
  }

  return {
    challenge(purpose) {
      return createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost: ROUNDS,
        counter: randomInt(Math.ceil(difficulty * 1.5), Math.floor(difficulty / 2)),
        data: { purpose },
        deriveKey,
        expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]),
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      });
    },

    async redeem(payload, purpose) {
      if (!payload || payload.length > 4000) return false;
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
      } catch {
        return false;
      }
      const parsed = payloadSchema.safeParse(decoded);
      if (!parsed.success) return false;
      const { challenge, solution } = parsed.data as unknown as {
        challenge: Challenge & { signature: string };
        solution: { counter: number; derivedKey: string };
      };
      let verified: boolean;
      try {
        const result = await verifySolution({
          challenge,
          solution,
          deriveKey,
          hmacSignatureSecret,
          hmacKeySignatureSecret,
        });
        verified = result.verified;
      } catch {
        // A well-formed payload with impossible parameters (a foreign algorithm, say) is not an answer.
        return false;
      }
      if (!verified || challenge.parameters.data?.purpose !== purpose) return false;
      const now = Date.now();
      forgetExpired(now);
      const { nonce } = challenge.parameters;
      const entry = remembered.get(nonce) ?? {
        usesLeft: USES[purpose],
        expiresAt: (challenge.parameters.expiresAt ?? 0) * 1000,
      };
      if (entry.usesLeft <= 0) return false;
      entry.usesLeft -= 1;
      remembered.set(nonce, entry);
      return true;
    },
  };
}
