import { describe, expect, it } from 'vitest';
import { interviewMessages } from '../../../server/assistant/interview';
import { promptStoreFrom, renderPrompt } from '../../../server/assistant/prompts';
import { officeSchema } from '../../../server/office/schema';
import staedteregionAachen from '../../../server/office/staedteregion-aachen.json';
import { readPromptFiles } from '../../../server/prompt-files';

const prompts = readPromptFiles();
const office = officeSchema.parse(staedteregionAachen);

describe('the prompt files', () => {
  it('each start with a version line naming their task', () => {
    expect(prompts.interview.version).toMatch(/^interview\/\d+$/);
    expect(prompts.extract.version).toMatch(/^extract\/\d+$/);
    expect(prompts.translate.version).toMatch(/^translate\/\d+$/);
    expect(() => promptStoreFrom({ interview: 'no version', extract: '', translate: '' })).toThrow(/version/);
  });

  it('refuse to render with a slot left unfilled', () => {
    expect(() => renderPrompt(prompts.translate, {})).toThrow(/language/);
  });
});

describe('the interview messages', () => {
  const conversation = [
    { role: 'assistant' as const, content: 'Hallo.' },
    { role: 'assistant' as const, content: 'Was ist passiert?' },
    { role: 'user' as const, content: 'Im Bus {{next}} wurde ich beschimpft.' },
    { role: 'user' as const, content: 'Und niemand half.' },
  ];
  const messages = interviewMessages({
    prompt: prompts.interview,
    office,
    locale: 'tr',
    conversation,
    next: 'when',
    skippedJustNow: false,
    danger: null,
  });

  it('start with the system prompt and then alternate, as strict chat templates require', () => {
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]!.content).toBe('Im Bus {{next}} wurde ich beschimpft.\n\nUnd niemand half.');
  });

  it("fill the office's own values and never the reporter's words into the instructions", () => {
    const system = messages[0]!.content;
    expect(system).toContain('Turkish');
    expect(system).toContain('110 Police');
    expect(system).toContain('Ask gently when it happened');
    expect(system).not.toContain('beschimpft');
    expect(system).not.toMatch(/\{\{\w+\}\}/);
  });
});
