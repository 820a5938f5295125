/**
 * Posts made by script carry a proof of work solved in the background: the assistant's turns (one answer,
 * solved while the person writes, covers the turns of a conversation) and the files of a report (solved
 * while the person picks a file; one answer covers a report's uploads). Until an answer is ready a post goes
 * without, within the smaller allowance; a failure only means posts keep going without.
 *
 * The solvers themselves (workers, the widget's library) are attached by the browser entry
 * (`background-solvers.ts`): this module is part of pages that are also rendered on the server.
 */
export type BackgroundPurpose = 'conversation' | 'upload';
export type Solver = () => Promise<{ payload: string; expiresAt: number } | null>;

interface State {
  solver: Solver | null;
  payload: string | null;
  expiresAt: number;
  solving: Promise<void> | null;
}

const states: Record<BackgroundPurpose, State> = {
  conversation: { solver: null, payload: null, expiresAt: 0, solving: null },
  upload: { solver: null, payload: null, expiresAt: 0, solving: null },
};

/** `eager`: start at once (the conversation); otherwise on the first `prepareProof` (a file being picked). */
export function provideSolver(purpose: BackgroundPurpose, solve: Solver, { eager }: { eager: boolean }) {
  states[purpose].solver = solve;
  if (eager) prepareProof(purpose);
}

/** Starts solving unless an answer is ready or on its way; harmless before a solver is attached. */
export function prepareProof(purpose: BackgroundPurpose) {
  const state = states[purpose];
  if (!state.solver || state.solving || (state.payload && Date.now() < state.expiresAt)) return;
  const solve = state.solver;
  state.solving = (async () => {
    try {
      const solved = await solve();
      if (solved) ({ payload: state.payload, expiresAt: state.expiresAt } = solved);
    } catch {
      // No answer: the posts go on without one.
    } finally {
      state.solving = null;
    }
  })();
}

/** The header for the next post, if an answer is ready; starts solving a new one once it has expired. */
export function proofHeader(purpose: BackgroundPurpose): Record<string, string> {
  const state = states[purpose];
  if (state.payload && Date.now() < state.expiresAt) return { 'x-altcha': state.payload };
  state.payload = null;
  prepareProof(purpose);
  return {};
}
