import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { ProofPurpose } from '../../server/intake/proof-of-work';

/**
 * Settings for test servers: a proof of work of a couple of derivations (solved in a millisecond) and
 * allowances no test reaches by accident. Tests of the limits themselves start servers with the defaults.
 */
export const LENIENT_INTAKE_ENV = { PROOF_OF_WORK_DIFFICULTY: '2', CLIENT_REPORTS_PER_HOUR: '100000' };

/**
 * What the widget sends after solving a challenge of this server: the challenge and the answer, base64 JSON.
 * Empty when the server offers no challenge (a version without the proof of work): the post goes without.
 */
export async function proofOfWork(baseUrl: string, purpose: ProofPurpose, headers: Record<string, string> = {}) {
  const res = await fetch(`${new URL(baseUrl).origin}/api/challenge/${purpose}`, { headers });
  if (!res.ok) return '';
  const challenge = (await res.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The purpose of a post that needs a proof of work, by its path. */
export function proofPurposeOf(url: string): ProofPurpose | undefined {
  const path = new URL(url).pathname;
  if (path === '/api/reports' || /^\/[a-z]{2}(-LS)?\/report\/send$/.test(path)) return 'report';
  if (path === '/api/receipt/messages' || /^\/[a-z]{2}(-LS)?\/receipt\/messages$/.test(path)) return 'message';
  if (path === '/api/assistant/turn') return 'conversation';
  return undefined;
}
