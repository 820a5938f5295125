import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Where the API suite runs: Node over SQLite always; Node over PostgreSQL when TEST_POSTGRES_URL is set;
 * the Cloudflare Worker over a local D1 (wrangler dev, workerd) when TEST_WORKER=1. A backend that is
 * configured and fails fails its tests: nothing is skipped.
 */
export type Backend = 'sqlite' | 'postgres' | 'worker';

/** The backends where a test can reach into the app in-process (a fixed clock, the app's own routes and config). */
export function nodeBackends(): Backend[] {
  return testBackends().filter((b) => b !== 'worker');
}

export function testBackends(): Backend[] {
  return [
    'sqlite',
    ...(process.env.TEST_POSTGRES_URL ? (['postgres'] as const) : []),
    ...(process.env.TEST_WORKER === '1' ? (['worker'] as const) : []),
  ];
}

/** A fresh, empty PostgreSQL database for one test server, dropped again by the returned function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `meldestelle_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`drop database if exists ${name} with (force)`);
            return;
          } catch (error) {
            // An autovacuum worker (the server's own, which this role may not end) was busy in the database
            // after many deletes: it leaves by itself within moments.
            if ((error as { code?: string }).code !== '42501' || attempt === 10) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
