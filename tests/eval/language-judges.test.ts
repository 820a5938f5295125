import { describe, expect, it } from 'vitest';
import { detectDanger, ruleReading } from '../../server/assistant/danger';
import { DEV, readPhrases } from '../../server/assistant/danger/train';
import { figuresOf } from './danger';
import { isRight, parse, readAnswers } from './scripted';

/**
 * Floors on the development sets, so that a change that breaks a class shows. The frozen and held-out sets
 * are reported by `npm run eval:danger` and `npm run eval:scripted`, never asserted on: a floor there would
 * invite tuning on them.
 */
describe('the language judges on their development sets', () => {
  it('the danger check catches what the dev set calls danger and raises few false alarms', () => {
    const dev = readPhrases(DEV);
    const rules = figuresOf(dev.map((phrase) => ({ phrase, verdict: ruleReading(phrase.text).danger })));
    const both = figuresOf(dev.map((phrase) => ({ phrase, verdict: detectDanger(phrase.text) })));
    expect(rules.caught / rules.dangerous).toBeGreaterThanOrEqual(0.98);
    expect(rules.alarms / rules.harmless).toBeLessThanOrEqual(0.03);
    expect(both.caught / both.dangerous).toBeGreaterThanOrEqual(0.98);
    expect(both.alarms / both.harmless).toBeLessThanOrEqual(0.03);
  });

  it('the scripted parser reads the dev answers as their writer meant them', () => {
    const dev = readAnswers('dev');
    const right = dev.filter((a) => isRight(a, parse(a))).length;
    expect(right / dev.length).toBeGreaterThanOrEqual(0.97);
  });
});
