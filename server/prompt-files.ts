import fs from 'node:fs';
import path from 'node:path';
import { PROMPT_NAMES, promptStoreFrom, type PromptName, type PromptStore } from './assistant/prompts';

export const PROMPTS_DIR = path.resolve(import.meta.dirname, '..', 'prompts');

/** The Node side of the prompt store: reads `prompts/*.md` once, at start. */
export function readPromptFiles(dir: string = PROMPTS_DIR): PromptStore {
  const texts = Object.fromEntries(
    PROMPT_NAMES.map((name) => [name, fs.readFileSync(path.join(dir, `${name}.md`), 'utf8')]),
  ) as Record<PromptName, string>;
  return promptStoreFrom(texts);
}
