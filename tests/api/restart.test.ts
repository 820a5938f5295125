import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { postJson, validReport } from '../helpers/server';

let running: ServerProcess | undefined;
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
});

describe('a restart of the server', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)('keeps every acknowledged report after %s', async (signal) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-restart-'));
    running = await startServerProcess({ DATA_DIR: dataDir });
    const receipts: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await postJson(`${running.url}/api/reports`, validReport({ description: `Bericht Nummer ${i}` }));
      expect(res.status).toBe(201);
      receipts.push(res.json.receipt);
    }
    await running.stop(signal);

    // Same data folder, no secret given: the generated receipt secret must be read back, or no code would match.
    running = await startServerProcess({ DATA_DIR: dataDir });
    for (const receipt of receipts) {
      const res = await postJson(`${running.url}/api/receipt`, { receipt });
      expect(res.status).toBe(200);
    }
  });

  it('stops with a readable message when a setting is wrong', async () => {
    await expect(startServerProcess({ PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });
});
