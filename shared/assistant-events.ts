import type { AssistantDraft, Topic } from './assistant-draft';

/** A question of the interview with its quick replies; `text` is set when the server words it (scripted). */
export interface AssistantQuestion {
  topic: Topic;
  kind: 'text' | 'choice' | 'multi';
  options: { value: string; label: string }[];
  /** For several choices: the ones chosen to begin with (what was noted, for the person to confirm). */
  picked?: string[];
}

export type AssistantDanger = 'acute_danger' | 'self_harm';

/**
 * What the server streams back for one turn (Server-Sent Events, one `event:` per type, JSON data).
 * `safety` always comes first when it comes; `done` or `error` always comes last.
 */
export interface AssistantEvents {
  safety: { danger: AssistantDanger };
  /** `asked`: every question asked so far, so that none is asked again once answered. */
  draft: { draft: AssistantDraft; skipped: Topic[]; asked: Topic[] };
  /** A piece of the model's reply. */
  delta: { text: string };
  /**
   * A whole message worded by the server: the scripted interview's questions, and the fixed question that
   * takes the place of a model reply that came too late, empty, or unusable (`fallback` says why).
   */
  message: { text: string; fallback?: 'slow' | 'unusable' };
  /** What is asked next and its quick replies; null when everything is gathered. */
  question: { question: AssistantQuestion | null };
  done: { complete: boolean };
  /** `code` is an i18n key; `message` its text in the reporter's language. */
  error: { code: string; message: string };
}
export type AssistantEventName = keyof AssistantEvents;
