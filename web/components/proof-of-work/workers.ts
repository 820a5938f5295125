/// <reference types="vite/client" />
// The solver runs in a worker built from the widget's own file and served from this origin (`worker-src 'self'`).
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';

/** Our challenges are PBKDF2-SHA-256 only (server/intake/proof-of-work.ts). */
export const PROOF_ALGORITHM = 'PBKDF2/SHA-256';

export function createProofWorker(): Worker {
  return new Pbkdf2Worker();
}
