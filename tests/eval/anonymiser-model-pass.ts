/**
 * The model's second pass, measured apart from the first: on the independent development set and the
 * frozen set, against the model the LLM_* variables name (the same variables as the server), or with
 * `--model=fake` against the project's fake model server, which names nothing (that run checks the
 * plumbing, it measures no model).
 *
 *   LLM_BASE_URL=http://127.0.0.1:11434/v1 LLM_MODEL=qwen2.5:7b-instruct npm run --silent eval:anonymiser -- --model
 *   npm run --silent eval:anonymiser -- --model=fake
 */
import { z } from 'zod';
import { createLlmClient, type LlmClient } from '../../server/assistant/llm';
import { llmEnvShape, llmSettingsFrom } from '../../server/assistant/settings';
import { anonymise } from '../../server/anonymiser/index';
import { removeMoreWithModel } from '../../server/anonymiser/model-pass';
import { isLocale } from '../../shared/locales';
import { startFakeLlm } from '../fake-llm/server';
import { printScore, score, type Output } from './anonymiser-metrics';
import type { LabelledText } from './anonymiser-sets';

export async function secondPassOutputs(
  set: LabelledText[],
  llm: LlmClient,
): Promise<{ outputs: Output[]; failures: number }> {
  const outputs: Output[] = [];
  let failures = 0;
  for (const t of set) {
    const locale = isLocale(t.lang) ? t.lang : 'de';
    const out = await removeMoreWithModel(llm, t.text, locale, anonymise(t.text, locale));
    if (out.failure) failures++;
    outputs.push(out);
  }
  return { outputs, failures };
}

export async function measureModelPass(sets: [string, LabelledText[]][], mode: string): Promise<void> {
  let close = async () => {};
  let llm: LlmClient;
  if (mode === 'fake') {
    const fake = await startFakeLlm();
    fake.respondWith('extract', () => ({ json: { identifiers: [] } }));
    close = () => fake.close();
    llm = createLlmClient({
      baseUrl: fake.baseUrl,
      model: 'fake-model',
      apiKey: undefined,
      structuredOutput: 'json_schema',
      stallTimeoutMs: 5_000,
      turnTimeoutMs: 5_000,
      translateTimeoutMs: 5_000,
      maxConcurrent: 1,
    });
  } else {
    const settings = llmSettingsFrom(z.object(llmEnvShape).parse(process.env));
    if (!settings) throw new Error('LLM_ENABLED is false: no model to measure');
    llm = createLlmClient(settings);
  }
  try {
    for (const [title, set] of sets) {
      const { outputs, failures } = await secondPassOutputs(set, llm);
      printScore(
        `${title}, first pass and the model's second pass (${mode === 'fake' ? 'fake model: plumbing only' : 'model ' + llm.settings.model}; ${failures} texts without a usable answer)`,
        score(set, outputs),
      );
    }
  } finally {
    await close();
  }
}
