import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { LlmSettings } from './settings';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Why a call to the model failed, in the words the reporter's screen needs: the server is not there, it
 * took too long, it answered with an error, it refused, its answer was not usable, or it stopped mid-way.
 */
export type LlmFailure = 'unavailable' | 'timeout' | 'server_error' | 'refused' | 'malformed' | 'interrupted';

export class LlmError extends Error {
  constructor(readonly failure: LlmFailure) {
    super(`LLM call failed: ${failure}`);
  }
}

export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
}

/** The model as the assistant sees it. A fake in tests, `createLlmClient` over any OpenAI-compatible server otherwise. */
export interface LlmClient {
  readonly settings: LlmSettings;
  /**
   * Streams the reply's text; ends only after the server said it is finished, else throws `interrupted`.
   * The first text must come within `firstTokenMs`, and no pause after it may last the stall timeout.
   */
  streamChat(
    messages: ChatMessage[],
    options: { signal?: AbortSignal; maxTokens?: number; firstTokenMs: number },
  ): AsyncGenerator<string>;
  /** One JSON answer shaped by a schema, within `timeoutMs`; the caller validates it. */
  completeJson(
    messages: ChatMessage[],
    format: JsonSchemaFormat,
    options: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<unknown>;
  completeText(messages: ChatMessage[], options: { signal?: AbortSignal; timeoutMs: number }): Promise<string>;
  /** Whether the server answers at all, cached briefly so that opening the chat page costs no round trip. */
  isAvailable(): Promise<boolean>;
}

const AVAILABLE_FOR_MS = 60_000;
const UNAVAILABLE_FOR_MS = 10_000;
const PROBE_TIMEOUT_MS = 2_500;

export function createLlmClient(settings: LlmSettings): LlmClient {
  // Retries are ours to decide (the extraction retries once); the SDK's own would multiply every timeout.
  const openai = new OpenAI({
    baseURL: settings.baseUrl,
    apiKey: settings.apiKey ?? 'none',
    maxRetries: 0,
    // Never the SDK's own logging: at debug level (OPENAI_LOG=debug) it would print whole conversations.
    logLevel: 'off',
    timeout: Math.max(settings.turnTimeoutMs, settings.translateTimeoutMs) + 1_000,
  });
  let probe: { available: boolean; until: number } | undefined;

  return {
    settings,

    async *streamChat(messages, options) {
      const timer = new Deadline(options.signal);
      timer.arm(options.firstTokenMs);
      let finished = false;
      try {
        const stream = await openai.chat.completions.create(
          { model: settings.model, messages, stream: true, max_tokens: options.maxTokens ?? 400, temperature: 0.4 },
          { signal: timer.signal },
        );
        for await (const chunk of stream) {
          timer.arm(settings.stallTimeoutMs);
          const choice = chunk.choices[0];
          if (choice?.delta?.refusal) throw new LlmError('refused');
          if (choice?.delta?.content) yield choice.delta.content;
          if (choice?.finish_reason) finished = true;
        }
      } catch (error) {
        throw timer.explain(error);
      } finally {
        timer.clear();
      }
      // The SDK ends the iteration quietly when aborted: a deadline that expired is still a timeout.
      if (!finished) throw new LlmError(timer.expired ? 'timeout' : 'interrupted');
    },

    async completeJson(messages, format, options) {
      const timer = new Deadline(options.signal);
      timer.arm(options.timeoutMs);
      try {
        const completion = await openai.chat.completions.create(
          {
            model: settings.model,
            messages,
            temperature: 0,
            response_format:
              settings.structuredOutput === 'json_schema'
                ? { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: true } }
                : { type: 'json_object' },
          },
          { signal: timer.signal },
        );
        const message = completion.choices[0]?.message;
        if (message?.refusal) throw new LlmError('refused');
        try {
          return JSON.parse(stripCodeFence(message?.content ?? '')) as unknown;
        } catch {
          throw new LlmError('malformed');
        }
      } catch (error) {
        throw timer.explain(error);
      } finally {
        timer.clear();
      }
    },

    async completeText(messages, options) {
      const timer = new Deadline(options.signal);
      timer.arm(options.timeoutMs);
      try {
        const completion = await openai.chat.completions.create(
          { model: settings.model, messages, temperature: 0 },
          { signal: timer.signal },
        );
        const message = completion.choices[0]?.message;
        if (message?.refusal || !message?.content?.trim()) throw new LlmError('refused');
        return message.content.trim();
      } catch (error) {
        throw timer.explain(error);
      } finally {
        timer.clear();
      }
    },

    async isAvailable() {
      const now = Date.now();
      if (probe && probe.until > now) return probe.available;
      let available = false;
      try {
        await openai.models.list({ timeout: PROBE_TIMEOUT_MS });
        available = true;
      } catch {
        available = false;
      }
      probe = { available, until: Date.now() + (available ? AVAILABLE_FOR_MS : UNAVAILABLE_FOR_MS) };
      return available;
    },
  };
}

/**
 * One abort signal for a call: our own deadline (re-armed as chunks arrive) or the caller's abort, whichever
 * comes first, so that a timeout is reported as one and a closed browser tab stops the model's work.
 */
class Deadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  expired = false;

  constructor(private readonly outer: AbortSignal | undefined) {
    if (outer?.aborted) this.controller.abort();
    outer?.addEventListener('abort', () => this.controller.abort(), { once: true });
  }

  get signal() {
    return this.controller.signal;
  }

  arm(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, ms);
  }

  clear() {
    clearTimeout(this.timer);
  }

  /** The SDK's error (or ours) as an LlmError; an abort by the caller stays an abort. */
  explain(error: unknown): unknown {
    if (error instanceof LlmError) return error;
    if (this.expired) return new LlmError('timeout');
    if (this.outer?.aborted) return error;
    if (error instanceof APIUserAbortError) return new LlmError('timeout');
    if (error instanceof APIConnectionError) return new LlmError('unavailable');
    if (error instanceof APIError) {
      // A missing model or a wrong key is a setup problem: to the reporter, the assistant is simply not there.
      if (error.status === 401 || error.status === 403 || error.status === 404) return new LlmError('unavailable');
      return new LlmError('server_error');
    }
    // A body cut mid-way surfaces from fetch as a plain TypeError ("terminated") or a parse error.
    return new LlmError('interrupted');
  }
}

/** Some models wrap JSON in a Markdown fence even when asked not to. */
function stripCodeFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  return fenced ? fenced[1]! : text;
}
