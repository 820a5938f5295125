import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server speaking the OpenAI chat-completions protocol, scripted per test: what the portal's
 * assistant meets in production (Ollama, llama.cpp, vLLM, hosted APIs), minus the model. Streaming SSE
 * chunks, `response_format` answers, `/v1/models`, and faults injected per request.
 */

/** Which prompt a request carries: told apart by the version line each prompt file starts with. */
export type FakeTask = 'interview' | 'extract' | 'translate';

export type FakeFault =
  /** The stream stops after the first chunks without a finish reason, and the socket is destroyed. */
  | 'cut'
  | 'http_500'
  /** A 200 answer whose content is not JSON. */
  | 'malformed_json'
  /** The model declines (the `refusal` field of the protocol). */
  | 'refusal'
  /** Accepts the request and never answers. */
  | 'hang';

export interface FakeStep {
  /** The reply text (streamed in chunks when the request streams). */
  text?: string;
  /** For extraction: the JSON answer. */
  json?: unknown;
  firstTokenDelayMs?: number;
  chunkDelayMs?: number;
  /** Characters per streamed chunk. */
  chunkSize?: number;
  fault?: FakeFault;
}

export interface FakeRequest {
  task: FakeTask;
  body: ChatRequestBody;
  /** When the request was fully read, and when the first byte of the answer was written (performance.now()). */
  receivedAt: number;
  firstByteAt?: number;
  /** When the last byte was written. */
  endedAt?: number;
}

export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
}

export type FakeResponder = (request: FakeRequest) => FakeStep;

export interface FakeLlm {
  url: string;
  /** The base URL for LLM_BASE_URL. */
  baseUrl: string;
  requests: FakeRequest[];
  /** Queues answers for the next requests of a task, in order; when a queue is empty the responder answers. */
  enqueue(task: FakeTask, ...steps: FakeStep[]): void;
  respondWith(task: FakeTask, responder: FakeResponder): void;
  reset(): void;
  close(): Promise<void>;
}

const defaultResponders: Record<FakeTask, FakeResponder> = {
  interview: () => ({ text: 'Thank you for telling me. When did this happen?' }),
  extract: () => ({ fault: 'malformed_json' }),
  translate: () => ({ text: 'Übersetzung.' }),
};

export async function startFakeLlm(options: { port?: number } = {}): Promise<FakeLlm> {
  const queues: Record<FakeTask, FakeStep[]> = { interview: [], extract: [], translate: [] };
  let responders = { ...defaultResponders };
  const requests: FakeRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const server = http.createServer(async (req, res) => {
    try {
      const raw = await readBody(req);
      if (req.method === 'GET' && req.url === '/v1/models') {
        return json(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'tests' }] });
      }
      if (req.method === 'POST' && req.url === '/__fake/script') {
        const { task, steps } = JSON.parse(raw) as { task: FakeTask; steps: FakeStep[] };
        queues[task].push(...steps);
        return json(res, 204, null);
      }
      if (req.method === 'POST' && req.url === '/__fake/reset') {
        fake.reset();
        return json(res, 204, null);
      }
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        return json(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
      }
      const body = JSON.parse(raw) as ChatRequestBody;
      const request: FakeRequest = { task: taskOf(body), body, receivedAt: performance.now() };
      requests.push(request);
      const step = queues[request.task].shift() ?? responders[request.task](request);
      await answer(res, request, step);
    } catch (error) {
      if (!res.headersSent) json(res, 400, { error: { message: String(error), type: 'invalid_request_error' } });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const fake: FakeLlm = {
    url,
    baseUrl: `${url}/v1`,
    requests,
    enqueue: (task, ...steps) => queues[task].push(...steps),
    respondWith: (task, responder) => {
      responders[task] = responder;
    },
    reset: () => {
      for (const q of Object.values(queues)) q.length = 0;
      responders = { ...defaultResponders };
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

function taskOf(body: ChatRequestBody): FakeTask {
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  if (/^version: translate\//m.test(system)) return 'translate';
  if (body.response_format || /^version: extract\//m.test(system)) return 'extract';
  return 'interview';
}

async function answer(res: http.ServerResponse, request: FakeRequest, step: FakeStep) {
  const written = () => (request.firstByteAt ??= performance.now());
  await sleep(step.firstTokenDelayMs ?? 0);
  if (step.fault === 'hang') return;
  if (step.fault === 'http_500') {
    written();
    json(res, 500, { error: { message: 'The model crashed', type: 'server_error' } });
    request.endedAt = performance.now();
    return;
  }
  const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
  const content =
    step.fault === 'malformed_json'
      ? '{"description": "unfinished'
      : step.json !== undefined
        ? JSON.stringify(step.json)
        : (step.text ?? '');

  if (!request.body.stream) {
    written();
    const message =
      step.fault === 'refusal'
        ? { role: 'assistant', content: null, refusal: 'I cannot help with that.' }
        : { role: 'assistant', content, refusal: null };
    json(res, 200, {
      id,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.body.model,
      choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    request.endedAt = performance.now();
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (delta: Record<string, unknown>, finish: string | null = null) => {
    written();
    res.write(
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created: Math.floor(Date.now() / 1000),
        model: request.body.model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      })}\n\n`,
    );
  };
  if (step.fault === 'refusal') {
    send({ role: 'assistant', refusal: 'I cannot help with that.' });
    send({}, 'stop');
    res.end('data: [DONE]\n\n');
    request.endedAt = performance.now();
    return;
  }
  const size = step.chunkSize ?? 8;
  const chunks = content.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
  for (const [index, chunk] of chunks.entries()) {
    if (index > 0) await sleep(step.chunkDelayMs ?? 0);
    send(index === 0 ? { role: 'assistant', content: chunk } : { content: chunk });
    if (step.fault === 'cut' && index >= 1) {
      // Gone mid-answer, as when the model server is killed: no finish reason, no [DONE], a dead socket.
      await sleep(20);
      res.socket?.destroy();
      request.endedAt = performance.now();
      return;
    }
  }
  send({}, 'stop');
  res.end('data: [DONE]\n\n');
  request.endedAt = performance.now();
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  if (body === null) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (data += d));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function sleep(ms: number) {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

/** `tsx tests/fake-llm/server.ts [port]`: a standalone fake, scripted over POST /__fake/script. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const fake = await startFakeLlm({ port: Number(process.argv[2] ?? 0) });
  console.log(`Fake LLM listening at ${fake.baseUrl}`);
}
