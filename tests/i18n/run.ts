/** `npm run i18n:check`: every key in every locale with the same placeholders, and no text outside the message files. */
import { checkMessageSets, findHardCodedText } from './check';

const problems = [...checkMessageSets(), ...findHardCodedText()];
for (const p of problems) console.log(`${p.file}: ${p.problem}`);
console.log(problems.length ? `${problems.length} problem(s)` : 'i18n: every locale complete, no hard-coded text');
process.exit(problems.length ? 1 : 0);
