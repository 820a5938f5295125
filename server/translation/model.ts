import type { Locale } from '../../shared/locales';
import { LANGUAGE_NAMES } from '../assistant/interview';
import { LlmError, type LlmClient, type LlmFailure } from '../assistant/llm';
import { renderPrompt, type PromptStore } from '../assistant/prompts';
import { TranslationError, type TranslationFailure, type Translator } from './translator';

const FAILURES: Record<LlmFailure, TranslationFailure> = {
  unavailable: 'unavailable',
  timeout: 'timeout',
  server_error: 'server_error',
  // A model that declines a text declines it again: a person has to look ("translate now").
  refused: 'rejected',
  malformed: 'malformed',
  interrupted: 'server_error',
};

/**
 * The office's OpenAI-compatible model as a translator, with the `translate` prompt: the text is the user
 * message, the languages are the only slots. It covers every language of the portal, as well as the model
 * knows it.
 */
export function createModelTranslator({ llm, prompts }: { llm: LlmClient; prompts: PromptStore }): Translator {
  return {
    kind: 'model',
    covers: async () => true,
    async translate(text: string, from: Locale, to: Locale, options = {}) {
      const system = renderPrompt(prompts.translate, {
        source_language: LANGUAGE_NAMES[from],
        target_language: LANGUAGE_NAMES[to],
      });
      try {
        return await llm.completeText(
          [
            { role: 'system', content: system },
            { role: 'user', content: text },
          ],
          { timeoutMs: options.timeoutMs ?? llm.settings.translateTimeoutMs },
        );
      } catch (error) {
        throw new TranslationError(error instanceof LlmError ? FAILURES[error.failure] : 'server_error');
      }
    },
  };
}
