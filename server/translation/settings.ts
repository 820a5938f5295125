import { z } from 'zod';
import type { LibreTranslateSettings } from './libretranslate';

export const TRANSLATION_BACKENDS = ['model', 'libretranslate', 'none'] as const;

/** Which translator the portal uses: the assistant's model, a LibreTranslate server, or none (the phrasebook). */
export type TranslationSettings =
  { backend: 'none' } | { backend: 'model' } | ({ backend: 'libretranslate' } & LibreTranslateSettings);

/** The translation variables, the same on Node and on Workers. */
export const translationEnvShape = {
  TRANSLATION_BACKEND: z.enum(TRANSLATION_BACKENDS).optional(),
  LIBRETRANSLATE_URL: z
    .url({ protocol: /^https?$/, error: 'must be the LibreTranslate server address, e.g. http://127.0.0.1:5000' })
    .optional(),
  LIBRETRANSLATE_API_KEY: z.string().min(1).optional(),
  LIBRETRANSLATE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100, 'must be at least 100 (milliseconds)')
    .max(600_000)
    .default(20_000),
};
type TranslationEnv = z.infer<z.ZodObject<typeof translationEnvShape>> & { LLM_ENABLED?: string };

/** What one variable alone cannot say, reported at start like any other wrong setting. */
export function checkTranslationEnv(e: TranslationEnv, ctx: z.RefinementCtx): void {
  if (e.TRANSLATION_BACKEND === 'libretranslate' && !e.LIBRETRANSLATE_URL)
    ctx.addIssue({ code: 'custom', path: ['LIBRETRANSLATE_URL'], message: 'the LibreTranslate server address' });
  if (e.TRANSLATION_BACKEND === 'model' && e.LLM_ENABLED === 'false')
    ctx.addIssue({
      code: 'custom',
      path: ['TRANSLATION_BACKEND'],
      message: '`model` needs the model: LLM_ENABLED is false',
    });
}

/**
 * Unless TRANSLATION_BACKEND says otherwise: LibreTranslate when its address is set, else the model when the
 * assistant has one, else none.
 */
export function translationSettingsFrom(e: TranslationEnv): TranslationSettings {
  const backend =
    e.TRANSLATION_BACKEND ?? (e.LIBRETRANSLATE_URL ? 'libretranslate' : e.LLM_ENABLED === 'false' ? 'none' : 'model');
  if (backend === 'libretranslate' && e.LIBRETRANSLATE_URL)
    return {
      backend,
      url: e.LIBRETRANSLATE_URL.replace(/\/$/, ''),
      apiKey: e.LIBRETRANSLATE_API_KEY,
      timeoutMs: e.LIBRETRANSLATE_TIMEOUT_MS,
    };
  return { backend: backend === 'model' ? 'model' : 'none' };
}
