/**
 * The words the model sees live in `prompts/*.md`, one file per task, each starting with a version line
 * (`version: interview/1`). The Node entry reads the files; a Workers build bundles them as text. Either
 * way the assistant gets them through this interface, so it never touches a file system.
 */
export const PROMPT_NAMES = ['interview', 'extract', 'translate'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export interface Prompt {
  name: PromptName;
  /** E.g. `interview/1`: changes whenever the wording does, so that evaluations can be compared. */
  version: string;
  /** The whole file, version line included: the fake model in the tests tells tasks apart by it. */
  text: string;
}

export type PromptStore = Record<PromptName, Prompt>;

/** Checks the files' texts once, at start: a missing version line is a deployment error, not a turn error. */
export function promptStoreFrom(texts: Record<PromptName, string>): PromptStore {
  const store = {} as PromptStore;
  for (const name of PROMPT_NAMES) {
    const text = texts[name];
    const version = /^version: ([a-z]+\/\d+)\s*$/m.exec(text.split('\n', 1)[0] ?? '')?.[1];
    if (!version?.startsWith(`${name}/`)) throw new Error(`prompts/${name}.md must start with "version: ${name}/N"`);
    store[name] = { name, version, text };
  }
  return store;
}

/**
 * Fills `{{slot}}`s with values the server itself controls (office, language, codes, dates). What a reporter
 * wrote never goes through here: it travels as message content, where the prompt tells the model it is data.
 */
export function renderPrompt(prompt: Prompt, slots: Record<string, string>): string {
  return prompt.text.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
    const value = slots[slot];
    if (value === undefined) throw new Error(`prompts/${prompt.name}.md: no value for {{${slot}}}`);
    return value;
  });
}
