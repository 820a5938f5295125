import { TAGGER_MARGIN } from '../server/anonymiser/recognizers/tagged';
import { evaluate, headline } from './eval/anonymiser';
import { loadEvalSet, loadIndependentDev } from './eval/anonymiser-sets';
const dev2 = loadIndependentDev();
const olddev = loadEvalSet().filter((t) => t.split === 'dev');
for (const m of [-100, -4, -2, -1, -0.5, 0]) {
  TAGGER_MARGIN.value = m;
  console.log(m, 'dev2', headline(evaluate(dev2)));
  console.log(m, 'old ', headline(evaluate(olddev)));
}
