import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { assistantTurnSchema } from '../../shared/assistant';
import type { AssistantEventName, AssistantEvents } from '../../shared/assistant-events';
import { translatorFor } from '../../shared/i18n/catalog';
import type { EvidenceService } from '../evidence/service';
import type { AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import type { PageRenderer } from '../http/pages';
import type { Logger } from '../http/request-log';
import type { AssistantService } from './service';

/**
 * `POST /api/assistant/turn`: one turn, answered as Server-Sent Events. The body holds the whole
 * conversation because the server keeps none; it is read, used and dropped, never stored or logged.
 */
export function assistantApiRoutes({ assistant, log }: { assistant: AssistantService; log: Logger }) {
  return new Hono<AppEnv>().post('/assistant/turn', async (c) => {
    const turn = await parseJsonBody(c, assistantTurnSchema);
    const t = translatorFor(turn.locale);
    // Behind nginx and the like, a buffered stream would arrive all at once at the end.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const abort = new AbortController();
      stream.onAbort(() => abort.abort());
      c.req.raw.signal.addEventListener('abort', () => abort.abort(), { once: true });
      const emit = async <E extends AssistantEventName>(event: E, data: AssistantEvents[E]) => {
        if (!stream.aborted) await stream.writeSSE({ event, data: JSON.stringify(data) });
      };
      try {
        await assistant.turn(turn, t, emit, abort.signal);
      } catch (error) {
        if (abort.signal.aborted) return;
        // The kind of error only: its message could quote what the reporter wrote.
        log({ level: 'error', route: '/api/assistant/turn', error: error instanceof Error ? error.name : 'unknown' });
        await emit('error', { code: 'assistant.error.server_error', message: t('assistant.error.server_error') });
      }
    });
  });
}

/** The chat page: in the model's interview when a model answers, in the scripted one otherwise. */
export function assistantPageRoutes({
  assistant,
  renderPage,
  evidence = null,
}: {
  assistant: AssistantService;
  renderPage: PageRenderer;
  /** When the office takes files, the chat ends by asking for a screenshot, letter or photo. */
  evidence?: EvidenceService | null;
}) {
  return new Hono<AppEnv>().get('/assistant', async (c) => {
    const mode = (await assistant.modelAvailable()) ? 'llm' : 'scripted';
    const field = evidence ? { upload: null, limits: evidence.limits, kinds: [...evidence.kinds] } : null;
    return renderPage(
      c,
      'assistant',
      { mode, stillWorkingMs: assistant.stillWorkingMs(), ...(field ? { evidence: field } : {}) },
      { titleKey: 'assistant.title', switchPath: '/assistant' },
    );
  });
}
