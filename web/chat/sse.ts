import type { AssistantEventName, AssistantEvents } from '../../shared/assistant-events';
import { proofHeader } from '../components/proof-of-work/background';

export type TurnEvent = { [E in AssistantEventName]: { event: E; data: AssistantEvents[E] } }[AssistantEventName];

/**
 * Posts one turn and hands each Server-Sent Event to `onEvent` as it arrives. EventSource cannot POST, so
 * the stream is read by hand. A refused request (4xx with a JSON error) and a broken connection both end
 * in an `error` event, so the caller has one way to learn that a turn failed.
 */
export async function postTurn(
  body: unknown,
  onEvent: (e: TurnEvent) => void,
  networkError: string,
  signal?: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/assistant/turn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...proofHeader('conversation') },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    // Given up on by the person (they went on with fixed questions): nothing to report.
    if (signal?.aborted) return;
    return onEvent({ event: 'error', data: { code: 'assistant.error.network', message: networkError } });
  }
  if (!response.ok || !response.body) {
    const json = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string; fields?: Record<string, string> };
    } | null;
    const message = Object.values(json?.error?.fields ?? {})[0] ?? json?.error?.message ?? networkError;
    return onEvent({ event: 'error', data: { code: json?.error?.code ?? 'assistant.error.network', message } });
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (!event || !data) continue;
        const parsed = { event, data: JSON.parse(data) } as TurnEvent;
        if (parsed.event === 'done' || parsed.event === 'error') ended = true;
        onEvent(parsed);
      }
    }
  } catch {
    // The connection broke mid-turn: reported below like any turn that did not end.
  }
  if (signal?.aborted) return;
  if (!ended) onEvent({ event: 'error', data: { code: 'assistant.error.network', message: networkError } });
}
