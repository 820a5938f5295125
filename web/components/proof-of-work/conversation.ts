/**
 * The assistant's turns carry a proof of work too: one answer, solved in the background while the person
 * writes, covers the turns of a conversation (the server counts them). Until it is ready a turn goes
 * without, within the smaller allowance; a failure only means turns keep going without.
 */
let payload: string | null = null;
let expiresAt = 0;
let solving: Promise<void> | null = null;

async function solve(): Promise<void> {
  try {
    // Loaded here, in the browser only: the page itself is also rendered on the server.
    const { solveChallenge } = await import('./solve');
    const solved = await solveChallenge('/api/challenge/conversation', 2);
    if (solved) ({ payload, expiresAt } = solved);
  } catch {
    // No answer: the turns go on without one.
  } finally {
    solving = null;
  }
}

/** The header for the next turn, if an answer is ready; starts solving one otherwise. */
export function conversationProofHeader(): Record<string, string> {
  if (typeof window === 'undefined') return {};
  if (payload && Date.now() < expiresAt) return { 'x-altcha': payload };
  payload = null;
  solving ??= solve();
  return {};
}
