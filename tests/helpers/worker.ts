import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LogLine } from '../../server/http/request-log';
import { openDatabase, type OpenedDatabase } from '../../db/dialects';
import { freePort, REPO_ROOT } from './process';

export interface WorkerServer {
  url: string;
  /** The local D1 database file that workerd writes, opened beside it for the tests' own checks. */
  database: OpenedDatabase;
  databaseFile: string;
  logs: LogLine[];
  dataDir: string;
  /** Everything the Worker printed, e.g. the first admin's one-time password. */
  output(): string;
  close(): Promise<void>;
}

/**
 * The Worker under `wrangler dev --local`: workerd and a local D1 in a fresh folder, on 127.0.0.1.
 * `vars` become Worker variables, as `wrangler secret`/`[vars]` would give them in production.
 */
export async function startWorker(vars: Record<string, string> = {}): Promise<WorkerServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-worker-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js'),
      'dev',
      '--local',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      dataDir,
      '--inspector-port',
      String(await freePort()),
      '--show-interactive-dev-session=false',
      // GET /__scheduled?cron=… runs the cron triggers (notifications, retention) on demand.
      '--test-scheduled',
      '--var',
      `RECEIPT_SECRET:${randomBytes(32).toString('hex')}`,
      '--var',
      `ENCRYPTION_KEY:${randomBytes(32).toString('hex')}`,
      '--var',
      `PUBLIC_BASE_URL:${url}`,
      ...Object.entries(vars).flatMap(([key, value]) => ['--var', `${key}:${value}`]),
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: wrangler starts workerd and esbuild, and all of them must go when it does.
      detached: true,
    },
  );
  const stopAll = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', () => stopAll('SIGKILL'));
  let output = '';
  const logs: LogLine[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const line of String(chunk).split('\n')) {
      if (line.startsWith('{')) {
        try {
          logs.push(JSON.parse(line));
        } catch {
          // A line of wrangler's own that happens to start with a brace.
        }
      }
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`wrangler dev exited with ${code}:\n${output}`))),
  );
  try {
    await Promise.race([waitFor(`${url}/healthz`, 60_000, () => output), exited]);
  } catch (error) {
    stopAll('SIGKILL');
    throw error;
  }

  const d1Dir = path.join(dataDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const databaseFile = path.join(
    d1Dir,
    fs.readdirSync(d1Dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')!,
  );
  const database = openDatabase(`sqlite:${databaseFile}`);
  return {
    url,
    database,
    databaseFile,
    logs,
    dataDir,
    output: () => output,
    close: async () => {
      await database.close();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        stopAll('SIGTERM');
        setTimeout(() => stopAll('SIGKILL'), 5_000).unref();
      });
      stopAll('SIGKILL');
    },
  };
}

async function waitFor(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    // wrangler keeps running after a failed build, waiting for a change: say so now, not at the deadline.
    if (output().includes('Build failed')) throw new Error(`the Worker's build failed:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Worker did not answer ${url} in time:\n${output()}`);
}
