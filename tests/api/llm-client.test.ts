import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmClient, LlmError, type LlmClient } from '../../server/assistant/llm';
import type { LlmSettings } from '../../server/config';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';
import { freePort } from '../helpers/process';

const settings = (baseUrl: string): LlmSettings => ({
  baseUrl,
  model: 'fake-model',
  apiKey: 'secret-key',
  structuredOutput: 'json_schema',
  turnTimeoutMs: 300,
  stallTimeoutMs: 300,
  translateTimeoutMs: 300,
  maxConcurrent: 4,
});
const hello = [{ role: 'user' as const, content: 'Hallo' }];
const format = { name: 'draft', schema: { type: 'object' } };

async function collect(client: LlmClient) {
  let text = '';
  for await (const piece of client.streamChat(hello, { firstTokenMs: 300 })) text += piece;
  return text;
}
async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LlmError) return error.failure;
    throw error;
  }
  return 'none';
}

describe('the LLM client against an OpenAI-compatible server', () => {
  let fake: FakeLlm;
  let client: LlmClient;
  beforeAll(async () => {
    fake = await startFakeLlm();
    client = createLlmClient(settings(fake.baseUrl));
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('streams a reply chunk by chunk, with the model, the key and max_tokens', async () => {
    fake.enqueue('interview', { text: 'Das tut mir leid. Wann war das?', chunkSize: 5 });
    expect(await collect(client)).toBe('Das tut mir leid. Wann war das?');
    expect(fake.requests[0]!.body).toMatchObject({ model: 'fake-model', stream: true, max_tokens: 400 });
  });

  it('asks for JSON with a strict schema and parses the answer, fenced or not', async () => {
    fake.enqueue('extract', { text: '```json\n{"a": 1}\n```' });
    expect(await client.completeJson(hello, format, { timeoutMs: 300 })).toEqual({ a: 1 });
    expect(fake.requests[0]!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'draft', schema: { type: 'object' }, strict: true },
    });
  });

  it.each([
    ['a slow first token', 'timeout', { text: 'spät', firstTokenDelayMs: 1000 }],
    ['a stall inside the stream', 'timeout', { text: 'ein langer Satz ohne Ende', chunkSize: 4, chunkDelayMs: 1000 }],
    ['a cut stream', 'interrupted', { text: 'abgeschnitten mitten im Satz', fault: 'cut' }],
    ['a 500', 'server_error', { fault: 'http_500' }],
    ['a refusal', 'refused', { fault: 'refusal' }],
  ] as const)('reports %s as %s', async (_, failure, step) => {
    fake.enqueue('interview', step);
    expect(await failureOf(collect(client))).toBe(failure);
  });

  it.each([
    ['malformed JSON', 'malformed', { fault: 'malformed_json' }],
    ['a refusal', 'refused', { fault: 'refusal' }],
    ['no answer at all', 'timeout', { fault: 'hang' }],
  ] as const)('reports an extraction with %s as %s', async (_, failure, step) => {
    fake.enqueue('extract', step);
    expect(await failureOf(client.completeJson(hello, format, { timeoutMs: 300 }))).toBe(failure);
  });

  it('takes scripted answers over HTTP too, for tests in another process', async () => {
    await fetch(`${fake.url}/__fake/script`, {
      method: 'POST',
      body: JSON.stringify({ task: 'interview', steps: [{ text: 'über HTTP' }] }),
    });
    expect(await collect(client)).toBe('über HTTP');
  });

  it('knows whether a server answers, and says unavailable when none does', async () => {
    expect(await client.isAvailable()).toBe(true);
    const nowhere = createLlmClient(settings(`http://127.0.0.1:${await freePort()}/v1`));
    expect(await nowhere.isAvailable()).toBe(false);
    expect(await failureOf(collect(nowhere))).toBe('unavailable');
  });
});
