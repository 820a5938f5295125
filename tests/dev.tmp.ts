import { evaluate, headline } from './eval/anonymiser';
import { loadEvalSet, loadIndependentDev } from './eval/anonymiser-sets';
const old = loadEvalSet();
console.log('dev2   ', headline(evaluate(loadIndependentDev())));
for (const s of ['dev', 'heldout', 'heldout2', 'heldout3']) console.log(s.padEnd(8), headline(evaluate(old.filter((t) => t.split === s))));
