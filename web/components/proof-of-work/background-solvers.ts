import { provideSolver } from './background';
import { solveChallenge } from './solve';

/**
 * Attaches the workers that solve in the background. Two workers each: the person is typing or picking a
 * file meanwhile, and a cheap phone should stay responsive. A conversation's answer is solved at once (the
 * first turn follows soon); an upload's only when a file is about to be picked, as most reports have none.
 */
export function attachSolvers({ conversation }: { conversation: boolean }) {
  if (conversation)
    provideSolver('conversation', () => solveChallenge('/api/challenge/conversation', 2), { eager: true });
  provideSolver('upload', () => solveChallenge('/api/challenge/upload', 2), { eager: false });
}
