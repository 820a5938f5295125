import type { LlmClient } from '../assistant/llm';
import type { PromptStore } from '../assistant/prompts';
import { createLibreTranslate } from './libretranslate';
import { createModelTranslator } from './model';
import type { TranslationSettings } from './settings';
import type { Translator } from './translator';

/** The translator the settings name; null for none, and for the model when the assistant has none. */
export function translatorFrom(
  settings: TranslationSettings,
  { llm, prompts }: { llm: LlmClient | null; prompts: PromptStore },
): Translator | null {
  switch (settings.backend) {
    case 'libretranslate':
      return createLibreTranslate(settings);
    case 'model':
      return llm ? createModelTranslator({ llm, prompts }) : null;
    case 'none':
      return null;
  }
}
