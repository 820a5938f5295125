import { emptyDraft, formValuesFromDraft, type AssistantDraft, type Topic } from '../../shared/assistant-draft';
import type { AssistantEventName, AssistantEvents, AssistantQuestion } from '../../shared/assistant-events';
import type { Extraction } from '../../shared/assistant';
import type { FakeLlm, FakeStep } from '../fake-llm/server';

export type TurnEvent = { [E in AssistantEventName]: { event: E; data: AssistantEvents[E] } }[AssistantEventName];

export interface TurnResult {
  status: number;
  events: TurnEvent[];
  /** The JSON error of a refused request. */
  error?: { code: string; message: string; fields?: Record<string, string> };
  /** Milliseconds from sending to the first `delta` or `message` event. */
  firstTextMs?: number;
}

/** Posts one turn and reads the whole event stream, as the browser does. */
export async function postTurn(baseUrl: string, body: unknown): Promise<TurnResult> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/assistant/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const json = (await res.json()) as { error: TurnResult['error'] };
    return { status: res.status, events: [], error: json.error };
  }
  const events: TurnEvent[] = [];
  let firstTextMs: number | undefined;
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] as AssistantEventName;
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if ((event === 'delta' || event === 'message') && firstTextMs === undefined)
        firstTextMs = performance.now() - started;
      events.push({ event, data: JSON.parse(data) } as TurnEvent);
    }
  }
  return { status: res.status, events, ...(firstTextMs === undefined ? {} : { firstTextMs }) };
}

/**
 * A conversation driven like the chat page drives it: it holds everything (the server holds nothing) and
 * applies each turn's events.
 */
export class Conversation {
  conversation: { role: 'user' | 'assistant'; content: string }[];
  draft: AssistantDraft = structuredClone(emptyDraft);
  skipped: Topic[] = [];
  asked: Topic[] = [];
  /** Every question the server asked, in order (its topics): what "asked twice" is counted from. */
  questions: Topic[] = [];
  question: AssistantQuestion | null = { topic: 'description', kind: 'text', options: [] };
  complete = false;
  turns = 0;
  last: TurnResult | undefined;

  constructor(
    readonly baseUrl: string,
    readonly locale: string,
    public mode: 'llm' | 'scripted',
    greeting = ['Hello.', 'Tell me what happened.'],
  ) {
    this.conversation = greeting.map((content) => ({ role: 'assistant', content }));
  }

  say(text: string) {
    this.conversation.push({ role: 'user', content: text });
    return this.send({ type: 'say' });
  }
  choose(...values: string[]) {
    this.conversation.push({ role: 'user', content: values.join(', ') });
    return this.send({ type: 'choose', values });
  }
  skip() {
    this.conversation.push({ role: 'user', content: 'Skip.' });
    return this.send({ type: 'skip' });
  }
  resume() {
    return this.send({ type: 'resume' });
  }

  /** The text the assistant answered with in the last turn (streamed or whole). */
  get reply(): string {
    return (this.last?.events ?? [])
      .map((e) => (e.event === 'delta' || e.event === 'message' ? e.data.text : ''))
      .join('');
  }

  eventsOf<E extends AssistantEventName>(name: E): AssistantEvents[E][] {
    return (this.last?.events ?? []).filter((e) => e.event === name).map((e) => e.data as AssistantEvents[E]);
  }

  /** The draft as the chat page posts it to the review screen. */
  formFields(): [string, string][] {
    const fields: [string, string][] = [];
    for (const [name, value] of Object.entries(formValuesFromDraft(this.draft))) {
      if (Array.isArray(value)) for (const v of value) fields.push([name, v]);
      else if (typeof value === 'boolean') {
        if (value) fields.push([name, 'on']);
      } else fields.push([name, value]);
    }
    return fields;
  }

  private async send(action: object): Promise<TurnResult> {
    this.turns++;
    const result = await postTurn(this.baseUrl, {
      locale: this.locale,
      mode: this.mode,
      messages: this.conversation,
      draft: this.draft,
      skipped: this.skipped,
      ...(this.asked.length ? { asked: this.asked } : {}),
      asking: this.question?.topic ?? null,
      action,
    });
    this.last = result;
    let reply = '';
    for (const e of result.events) {
      if (e.event === 'draft') {
        this.draft = e.data.draft;
        this.skipped = e.data.skipped;
        this.asked = e.data.asked ?? [];
      } else if (e.event === 'question') {
        this.question = e.data.question;
        if (e.data.question) this.questions.push(e.data.question.topic);
      } else if (e.event === 'delta' || e.event === 'message') reply += e.data.text;
      else if (e.event === 'done') {
        this.complete = e.data.complete;
        this.conversation.push({ role: 'assistant', content: reply });
      }
    }
    return result;
  }
}

/** The fake model's extraction answer: every field of the schema, with what the test names filled in. */
export function extraction(fields: Partial<Extraction> = {}): FakeStep & { json: Extraction } {
  return { json: { ...emptyExtraction, ...fields } };
}

export const emptyExtraction: Extraction = {
  whenDate: null,
  whenMonth: null,
  whenYear: null,
  ongoing: null,
  municipality: null,
  online: null,
  lifeDomain: null,
  incidentForms: [],
  grounds: [],
  racismForms: [],
  reporterRole: null,
  witnesses: null,
  consequences: '',
  supportWanted: null,
  safeNow: null,
  declined: [],
  danger: 'none',
};

/** The fake model's settings for tests: short timeouts so that faults show within a test's time. */
export function fakeLlmEnv(fake: FakeLlm, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    LLM_ENABLED: 'true',
    LLM_BASE_URL: fake.baseUrl,
    LLM_MODEL: 'fake-model',
    LLM_TURN_TIMEOUT_MS: '2000',
    LLM_STALL_TIMEOUT_MS: '800',
    LLM_TRANSLATE_TIMEOUT_MS: '800',
    ...overrides,
  };
}
