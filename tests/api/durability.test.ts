import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/dialects';
import { createPostgresDatabase } from '../helpers/backends';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { countStored, runReporters } from '../load/reporters';

// A small version of `npm run load:test`, so that a change that loses acknowledged reports fails the suite.
describe('under concurrent load', () => {
  it('keeps every acknowledged report when the server is killed and restarted mid-run', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-durability-'));
    const secret = randomBytes(32).toString('hex');
    const env = { DATA_DIR: dataDir, RECEIPT_SECRET: secret };
    let server: ServerProcess = await startServerProcess(env);
    const port = new URL(server.url).port;
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, 1500));
      await server.stop('SIGKILL');
      server = await startServerProcess({ ...env, PORT: port });
    })();
    const result = await runReporters(() => [server.url], 20, 5);
    await killer;
    await server.stop();
    expect(result.acknowledged.length).toBeGreaterThan(0);
    const database = openDatabase(`sqlite:${path.join(dataDir, 'meldestelle.sqlite')}`);
    expect(await countStored(database.db, result.acknowledged, secret)).toBe(result.acknowledged.length);
    await database.close();
  });

  it.runIf(process.env.TEST_POSTGRES_URL)(
    'loses nothing and never repeats a receipt with two instances on one PostgreSQL',
    async () => {
      const pg = await createPostgresDatabase();
      const secret = randomBytes(32).toString('hex');
      const env = {
        DATABASE_URL: pg.url,
        RECEIPT_SECRET: secret,
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-two-')),
      };
      const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      try {
        const result = await runReporters(() => [a.url, b.url], 20, 3);
        expect(new Set(result.acknowledged).size).toBe(result.acknowledged.length);
        const database = openDatabase(pg.url);
        expect(await countStored(database.db, result.acknowledged, secret)).toBe(result.acknowledged.length);
        await database.close();
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await pg.drop();
      }
    },
  );
});
