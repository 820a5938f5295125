import { solveChallengeWorkers } from 'altcha/lib';
import { createProofWorker } from './workers';

/** Fetches a challenge of this server and solves it in workers: the payload to send, and until when it holds. */
export async function solveChallenge(url: string, maxWorkers: number) {
  const response = await fetch(url);
  if (!response.ok) return null;
  const challenge = await response.json();
  const solution = await solveChallengeWorkers({
    challenge,
    concurrency: Math.min(maxWorkers, navigator.hardwareConcurrency || 1),
    createWorker: createProofWorker,
  });
  if (!solution) return null;
  return {
    payload: btoa(JSON.stringify({ challenge, solution })),
    // A minute early: a turn sent just before the end would reach the server after it.
    expiresAt: (challenge.parameters.expiresAt ?? 0) * 1000 - 60_000,
  };
}
