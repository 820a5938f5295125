import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../shared/assistant-draft';
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
    draft: { ...emptyDraft, description: 'Im Bus wurde ich beschimpft.' },
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
    expect(system).toContain('Ask when it happened');
    expect(system).not.toContain('beschimpft');
    expect(system).not.toMatch(/\{\{\w+\}\}/);
  });
});

describe('the interview prompt', () => {
  const base = {
    prompt: prompts.interview,
    office,
    locale: 'de' as const,
    conversation: [{ role: 'user' as const, content: 'Er steht vor meiner Tür mit einem Messer.' }],
    draft: { ...emptyDraft, description: 'Er steht vor meiner Tür mit einem Messer.' },
    skippedJustNow: false,
  };

  it('rules out "why", leading examples and markup, and leaves the pace to the person', () => {
    const system = interviewMessages({ ...base, next: 'grounds', danger: null })[0]!.content;
    expect(system).toMatch(/Never ask "why"/);
    expect(system).toMatch(/Do not offer examples/);
    expect(system).toMatch(/Plain text only/);
    expect(system).toMatch(/The person sets the pace/);
    expect(system).not.toMatch(/for example/);
  });

  it('in danger, asks for safety only: no question about the incident in that message', () => {
    const system = interviewMessages({ ...base, next: 'when', danger: 'acute_danger' })[0]!.content;
    expect(system).toContain('say only');
    expect(system).not.toContain('Ask when it happened');
  });
});
