import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postJson, startTestServer, validReport } from '../helpers/server';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the data folder and the database on this machine', () => {
  it('are readable by the server’s own user only: folder 0700, files 0600', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-files-')), 'data');
    const server = await startTestServer({ dataDir });
    try {
      expect((await postJson(`${server.url}/api/reports`, validReport())).status).toBe(201);
      const file = server.databaseFile!;
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const own of [file, `${file}-wal`, `${file}-shm`, path.join(dataDir, 'receipt-secret')])
        expect(modeOf(own).toString(8), own).toBe('600');
    } finally {
      await server.close();
    }
  });

  it('narrows what an earlier version left readable for others', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-files-'));
    const first = await startTestServer({ dataDir });
    const file = first.databaseFile!;
    await first.close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(file, 0o644);
    const again = await startTestServer({ dataDir });
    try {
      expect(modeOf(dataDir).toString(8)).toBe('700');
      expect(modeOf(file).toString(8)).toBe('600');
    } finally {
      await again.close();
    }
  });
});
