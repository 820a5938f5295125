import { provideConversationSolver } from './conversation';
import { solveChallenge } from './solve';

// Two workers: the person is typing meanwhile, and a cheap phone should stay responsive.
provideConversationSolver(() => solveChallenge('/api/challenge/conversation', 2));
