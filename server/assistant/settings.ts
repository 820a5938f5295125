import { z } from 'zod';

/** The OpenAI-compatible model behind the assistant; null when the office has switched it off. */
export interface LlmSettings {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  /** `json_object` for servers without JSON-schema output: the schema then travels in the prompt only. */
  structuredOutput: 'json_schema' | 'json_object';
  /**
   * The one deadline of a turn: the reading of the answer and the start of the reply share it. When it
   * passes, the turn ends with the fixed question for the topic, and the conversation goes on.
   */
  turnTimeoutMs: number;
  /** The longest pause inside a streamed reply once it has begun. */
  stallTimeoutMs: number;
  translateTimeoutMs: number;
  maxConcurrent: number;
}

function millis(fallback: number) {
  return z.coerce.number().int().min(100, 'must be at least 100 (milliseconds)').max(600_000).default(fallback);
}

/** The LLM_* variables, the same on Node and on Workers. */
export const llmEnvShape = {
  LLM_ENABLED: z.enum(['true', 'false']).default('true'),
  LLM_BASE_URL: z
    .url({ error: 'must be the OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1' })
    .default('http://127.0.0.1:11434/v1'),
  LLM_MODEL: z.string().min(1).default('qwen2.5:7b-instruct'),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_STRUCTURED_OUTPUT: z.enum(['json_schema', 'json_object']).default('json_schema'),
  LLM_TURN_TIMEOUT_MS: millis(30_000),
  LLM_STALL_TIMEOUT_MS: millis(10_000),
  LLM_TRANSLATE_TIMEOUT_MS: millis(20_000),
  LLM_MAX_CONCURRENT: z.coerce.number().int().min(1).max(10_000).default(32),
};
const llmEnvSchema = z.object(llmEnvShape);

export function llmSettingsFrom(e: z.infer<typeof llmEnvSchema>): LlmSettings | null {
  if (e.LLM_ENABLED !== 'true') return null;
  return {
    baseUrl: e.LLM_BASE_URL.replace(/\/$/, ''),
    model: e.LLM_MODEL,
    apiKey: e.LLM_API_KEY,
    structuredOutput: e.LLM_STRUCTURED_OUTPUT,
    turnTimeoutMs: e.LLM_TURN_TIMEOUT_MS,
    stallTimeoutMs: e.LLM_STALL_TIMEOUT_MS,
    translateTimeoutMs: e.LLM_TRANSLATE_TIMEOUT_MS,
    maxConcurrent: e.LLM_MAX_CONCURRENT,
  };
}
