/**
 * The assistant's turns carry a proof of work too: one answer, solved in the background while the person
 * writes, covers the turns of a conversation (the server counts them). Until it is ready a turn goes
 * without, within the smaller allowance; a failure only means turns keep going without.
 *
 * The solver itself (workers, the widget's library) is attached by the browser entry on the assistant page
 * (`conversation-solver.ts`): this module is part of the page, which is also rendered on the server.
 */
export type ConversationSolver = () => Promise<{ payload: string; expiresAt: number } | null>;

let solver: ConversationSolver | null = null;
let payload: string | null = null;
let expiresAt = 0;
let solving: Promise<void> | null = null;

export function provideConversationSolver(solve: ConversationSolver) {
  solver = solve;
  startSolving();
}

function startSolving() {
  if (!solver || solving) return;
  const solve = solver;
  solving = (async () => {
    try {
      const solved = await solve();
      if (solved) ({ payload, expiresAt } = solved);
    } catch {
      // No answer: the turns go on without one.
    } finally {
      solving = null;
    }
  })();
}

/** The header for the next turn, if an answer is ready; starts solving a new one once it has expired. */
export function conversationProofHeader(): Record<string, string> {
  if (payload && Date.now() < expiresAt) return { 'x-altcha': payload };
  payload = null;
  startSolving();
  return {};
}
