import type { Locale } from '../../shared/locales';
import type { Logger } from '../http/request-log';
import { LANGUAGE_NAMES } from './interview';
import { LlmError, type LlmClient } from './llm';
import { renderPrompt, type PromptStore } from './prompts';

/**
 * The German version of an anonymised description, for caseworkers. Bounded in time and never failing:
 * a report is stored without a translation rather than lost or delayed because the model is slow or gone.
 */
export function createGermanTranslator({ llm, prompts, log }: { llm: LlmClient; prompts: PromptStore; log: Logger }) {
  return async function translateToGerman(text: string, locale: Locale): Promise<string | null> {
    if (!text.trim()) return null;
    try {
      const system = renderPrompt(prompts.translate, { language: LANGUAGE_NAMES[locale] });
      return await llm.completeText(
        [
          { role: 'system', content: system },
          { role: 'user', content: text },
        ],
        { timeoutMs: llm.settings.translateTimeoutMs },
      );
    } catch (error) {
      log({
        level: 'warn',
        event: 'translation_skipped',
        reason: error instanceof LlmError ? error.failure : 'error',
      });
      return null;
    }
  };
}
