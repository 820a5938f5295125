import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock, systemClock, type Clock } from '../../server/clock';
import type { Config } from '../../server/config';
import { loadConfig } from '../../server/node-config';
import type { LogLine } from '../../server/http/request-log';
import { startNodeServer, type RunningServer } from '../../server/serve-node';
import { createPostgresDatabase, type Backend } from './backends';
import { LENIENT_INTAKE_ENV, proofOfWork, proofPurposeOf } from './proof-of-work';
import { startWorker } from './worker';

export interface TestServer extends Omit<RunningServer, 'migrated' | 'app'> {
  backend: Backend;
  dataDir: string;
  logs: LogLine[];
  /** The app and its settings, for tests that reach in: only on Node (see nodeBackends()). */
  config: Config;
  app: RunningServer['app'];
  /** The SQLite file, for checks on the raw bytes; undefined on PostgreSQL. */
  databaseFile: string | undefined;
}

export interface TestServerOptions {
  backend?: Backend;
  clock?: Clock;
  env?: Record<string, string>;
  dataDir?: string;
}

/**
 * The real app on 127.0.0.1 over a real database: a SQLite file in a fresh temporary folder, or a fresh
 * PostgreSQL database that is dropped again on close.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const backend = options.backend ?? 'sqlite';
  if (backend === 'worker') {
    if (options.clock) throw new Error('the Worker runs on the real clock');
    const worker = await startWorker({ ...LENIENT_INTAKE_ENV, ...options.env });
    const inProcessOnly = () => {
      throw new Error('the Worker runs in workerd: use nodeBackends() for tests that reach into the app');
    };
    return Object.defineProperties({ ...worker, backend } as unknown as TestServer, {
      config: { get: inProcessOnly },
      app: { get: inProcessOnly },
    });
  }
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-test-'));
  const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...LENIENT_INTAKE_ENV,
    ...options.env,
  });
  const logs: LogLine[] = [];
  const server = await startNodeServer(config, { clock: options.clock ?? systemClock, log: (line) => logs.push(line) });
  return {
    ...server,
    backend,
    dataDir,
    config,
    logs,
    databaseFile: postgres ? undefined : config.databaseUrl.replace(/^sqlite:/, ''),
    close: async () => {
      await server.close();
      await postgres?.drop();
    },
  };
}

export { fixedClock };

/**
 * A JSON post. To the endpoints that take a proof of work (a report, a reporter's message, an assistant
 * turn) it brings one, solved as the browser's widget would, unless the caller sets `x-altcha` itself (an
 * empty value sends none).
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const purpose = proofPurposeOf(url);
  if (purpose && !('x-altcha' in headers)) headers = { ...headers, 'x-altcha': await proofOfWork(url, purpose) };
  if (headers['x-altcha'] === '') delete headers['x-altcha'];
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function postForm(url: string, fields: [string, string][]) {
  const res = await fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

export function validReport(overrides: Record<string, unknown> = {}) {
  return {
    locale: 'de',
    description: 'Im Bus 51 nach Alsdorf hat mich ein Mann beschimpft. Schreiben Sie mir an opfer@example.org.',
    incidentForms: ['insult_harassment'],
    grounds: ['racism'],
    racismForms: ['anti_black'],
    lifeDomain: 'public_transport',
    place: { municipality: 'alsdorf', online: false },
    when: { precision: 'month', year: 2026, month: 10 },
    reporterRole: 'affected',
    consent: true,
    ...overrides,
  };
}
