import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { glossaryTranslate } from './glossary';

/**
 * A real HTTP server speaking LibreTranslate's API, for the tests: what an office's own LibreTranslate
 * (or any compatible server) answers, minus the models. `POST /translate` (JSON or a form, as LibreTranslate
 * takes both) with `q`, `source`, `target`, `format`, `api_key` → `{ translatedText }`; `GET /languages` →
 * `[{ code, name, targets }]`; errors as `{ error }` with LibreTranslate's statuses. It records every request,
 * so a test can see exactly what left the portal, and injects faults.
 */

export type FakeTranslatorFault =
  /** The connection is cut before any answer: as if nothing listened. */
  | 'down'
  /** Accepts the request and never answers. */
  | 'hang'
  | 'http_500'
  /** "Slow down" (LibreTranslate's rate limit). */
  | 'http_429'
  /** An answer that is not LibreTranslate's. */
  | 'malformed';

export interface FakeTranslateRequest {
  q: string;
  source: string;
  target: string;
  format: string | undefined;
  apiKey: string | undefined;
}

export interface FakeTranslateStep {
  text?: string;
  delayMs?: number;
  fault?: FakeTranslatorFault;
}

export interface FakeLibreTranslate {
  url: string;
  /** Every `/translate` request, in order. */
  requests: FakeTranslateRequest[];
  /** Every request's fault for as long as it is set (e.g. 'down' for an outage), else null. */
  fault: FakeTranslatorFault | null;
  /** Answers for the next requests, in order; when empty, the glossary translates. */
  enqueue(...steps: FakeTranslateStep[]): void;
  /** The languages it has; each translates to every other (default: the portal's nine, Leichte Sprache aside). */
  languages: string[];
  /** When set, requests without this `api_key` are refused with 403. */
  apiKey: string | null;
  reset(): void;
  close(): Promise<void>;
}

const ALL = ['de', 'en', 'tr', 'ar', 'ru', 'uk', 'fa', 'pl', 'fr'];

export async function startFakeLibreTranslate(options: { port?: number } = {}): Promise<FakeLibreTranslate> {
  const queue: FakeTranslateStep[] = [];
  const sockets = new Set<Socket>();

  const server = http.createServer(async (req, res) => {
    if (fake.fault === 'down') {
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req);
    if (req.method === 'GET' && req.url === '/languages') {
      return json(
        res,
        200,
        fake.languages.map((code) => ({ code, name: code, targets: fake.languages.filter((t) => t !== code) })),
      );
    }
    if (req.method !== 'POST' || req.url !== '/translate') return json(res, 404, { error: 'Not Found' });
    const fields = req.headers['content-type']?.includes('application/json')
      ? (JSON.parse(raw || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    const request: FakeTranslateRequest = {
      q: String(fields.q ?? ''),
      source: String(fields.source ?? ''),
      target: String(fields.target ?? ''),
      format: fields.format === undefined ? undefined : String(fields.format),
      apiKey: fields.api_key === undefined ? undefined : String(fields.api_key),
    };
    fake.requests.push(request);
    if (!request.q) return json(res, 400, { error: 'Invalid request: missing q parameter' });
    if (fake.apiKey && request.apiKey !== fake.apiKey) return json(res, 403, { error: 'Invalid API key' });
    for (const code of [request.source, request.target])
      if (!fake.languages.includes(code)) return json(res, 400, { error: `${code} is not supported` });
    const step = queue.shift() ?? {};
    await sleep(step.delayMs ?? 0);
    const fault = step.fault ?? fake.fault;
    if (fault === 'hang') return;
    if (fault === 'down') {
      req.socket.destroy();
      return;
    }
    if (fault === 'http_500') return json(res, 500, { error: 'Cannot translate text: model crashed' });
    if (fault === 'http_429') return json(res, 429, { error: 'Slowdown: 10 per 1 minute' });
    if (fault === 'malformed') return json(res, 200, { translation: 'not the field LibreTranslate sends' });
    json(res, 200, { translatedText: step.text ?? glossaryTranslate(request.q, request.source, request.target) });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeLibreTranslate = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    fault: null,
    languages: [...ALL],
    apiKey: null,
    enqueue: (...steps) => queue.push(...steps),
    reset: () => {
      queue.length = 0;
      fake.requests.length = 0;
      fake.fault = null;
      fake.languages = [...ALL];
      fake.apiKey = null;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

function json(res: http.ServerResponse, status: number, body: unknown) {
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

/** `tsx tests/fake-libretranslate/server.ts [port]`: a standalone fake, for trying the portal by hand. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const fake = await startFakeLibreTranslate({ port: Number(process.argv[2] ?? 0) });
  console.log(`Fake LibreTranslate listening at ${fake.url}`);
}
