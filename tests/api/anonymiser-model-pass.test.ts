import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmClient, type LlmClient } from '../../server/assistant/llm';
import { anonymise } from '../../server/anonymiser';
import { removeMoreWithModel } from '../../server/anonymiser/model-pass';
import type { LlmSettings } from '../../server/config';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';

const settings = (baseUrl: string): LlmSettings => ({
  baseUrl,
  model: 'fake-model',
  apiKey: undefined,
  structuredOutput: 'json_schema',
  stallTimeoutMs: 300,
  // Long enough for a cold first request on a busy machine; the hang case waits it out once.
  turnTimeoutMs: 3_000,
  translateTimeoutMs: 300,
  maxConcurrent: 4,
});

// The fake server routes every request with a JSON schema to its "extract" queue.
describe("the model's second pass over the anonymiser's result", () => {
  let fake: FakeLlm;
  let llm: LlmClient;
  beforeAll(async () => {
    fake = await startFakeLlm();
    llm = createLlmClient(settings(fake.baseUrl));
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const text = 'Der Hausmeister Herr Schmitz und sein Helfer Quirin Vosskuhle haben uns beschimpft.';

  it('sends the model only the first pass result, never what it removed', async () => {
    const first = anonymise(text, 'de');
    fake.enqueue('extract', { json: { identifiers: [] } });
    await removeMoreWithModel(llm, text, 'de', first, { timeoutMs: 3_000 });
    const sent = fake.requests[0]!.body.messages.map((m) => m.content).join('\n');
    expect(sent).toContain(first.text);
    expect(sent).not.toContain('Schmitz');
    expect(fake.requests[0]!.body.messages[0]!.content).toMatch(/^version: anonymise\/1/);
  });

  it('removes what the model names, in offsets of the original text, with the placeholder of its type', async () => {
    const first = {
      text: text.replace('Schmitz', '[Name]'),
      entities: [{ type: 'name' as const, start: 21, end: 28 }],
    };
    fake.enqueue('extract', { json: { identifiers: [{ text: 'Quirin Vosskuhle', type: 'name' }] } });
    const out = await removeMoreWithModel(llm, text, 'de', first, { timeoutMs: 3_000 });
    expect(out.text).toBe('Der Hausmeister Herr [Name] und sein Helfer [Name] haben uns beschimpft.');
    expect(out.added).toEqual([{ type: 'name', start: 45, end: 61 }]);
    expect(text.slice(45, 61)).toBe('Quirin Vosskuhle');
  });

  it('never puts anything back and ignores what is not in the text, ordinary words and municipalities', async () => {
    const first = anonymise('Frau Krämer vom Jobcenter Eschweiler hat geschrien.', 'de');
    fake.enqueue('extract', {
      json: {
        identifiers: [
          { text: 'Krämer', type: 'name' },
          { text: '[Name]', type: 'name' },
          { text: 'Eschweiler', type: 'address' },
          { text: 'hat', type: 'name' },
          { text: 'Bernd Invented', type: 'name' },
          { text: 'x', type: 'name' },
          { text: 'Frau', type: 'unknown-type' },
        ],
      },
    });
    const out = await removeMoreWithModel(llm, 'Frau Krämer vom Jobcenter Eschweiler hat geschrien.', 'de', first, {
      timeoutMs: 3_000,
    });
    expect(out.text).toBe(first.text);
    expect(out.added).toEqual([]);
  });

  it('names an organisation by its kind', async () => {
    const t = 'Ich arbeite bei Quastenflosser Logistik in Alsdorf.';
    fake.enqueue('extract', { json: { identifiers: [{ text: 'Quastenflosser Logistik', type: 'organisation' }] } });
    const out = await removeMoreWithModel(llm, t, 'de', anonymise(t, 'de'), { timeoutMs: 3_000 });
    expect(out.text).toBe('Ich arbeite bei [Firma] in Alsdorf.');
  });

  it('keeps the first pass when the model fails, hangs or answers nonsense', async () => {
    const first = anonymise(text, 'de');
    for (const step of [
      { fault: 'http_500' as const },
      { fault: 'malformed_json' as const },
      { fault: 'hang' as const },
      { json: { nothing: 1 } },
    ]) {
      fake.enqueue('extract', step);
      const out = await removeMoreWithModel(llm, text, 'de', first, { timeoutMs: 3_000 });
      expect(out.text).toBe(first.text);
      expect(out.added).toEqual([]);
      expect(out.failure).toBeTruthy();
    }
  });
});
