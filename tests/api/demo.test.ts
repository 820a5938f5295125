import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/dialects';
import { migrateToLatest } from '../../db/migrate';
import { nativeArgon2id } from '../../server/auth/native-argon2';
import { loadConfig } from '../../server/node-config';
import { prepareDemoFolder } from '../../server/demo/folder';
import { DEMO_MARK, generateDemoYear, type DemoYear } from '../../server/demo/year';
import { startTestServer, type TestServer } from '../helpers/server';
import { StaffClient } from '../helpers/staff';

/** The demo year as `npm run demo` makes it (fewer reports, for speed), and the portal over it. */
describe('a demo year', () => {
  let demo: TestServer;
  let plain: TestServer;
  let year: DemoYear;
  beforeAll(async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-demo-')), 'demo');
    prepareDemoFolder(dir, { fresh: false, realDataDir: './data' });
    const config = loadConfig({ DATA_DIR: dir });
    const database = openDatabase(config.databaseUrl);
    await migrateToLatest(database);
    year = await generateDemoYear({
      db: database.db,
      atomic: database.atomic,
      dialect: database.kind,
      config,
      passwords: nativeArgon2id,
      until: new Date(),
      reports: 80,
    });
    await database.close();
    demo = await startTestServer({ dataDir: dir });
    plain = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await demo?.close();
    await plain?.close();
  });

  it('holds a varied, plainly marked year: languages, codings, replies both ways, statuses', async () => {
    const db = demo.database.db;
    const reports = await db
      .selectFrom('reports')
      .select(['description', 'locale', 'status', 'coded_on', 'received_on'])
      .execute();
    expect(reports).toHaveLength(80);
    for (const r of reports) expect(r.description.startsWith(DEMO_MARK)).toBe(true);
    expect(new Set(reports.map((r) => r.locale)).size).toBeGreaterThanOrEqual(5);
    const statuses = new Set(reports.map((r) => r.status));
    for (const status of ['new', 'in_review', 'in_progress', 'closed']) expect(statuses).toContain(status);
    expect(reports.filter((r) => r.coded_on).length).toBeGreaterThan(30);
    const days = reports.map((r) => r.received_on).sort();
    expect(Date.parse(days.at(-1)!) - Date.parse(days[0]!)).toBeGreaterThan(200 * 86_400_000);
    const authors = await db.selectFrom('report_messages').select('author').distinct().execute();
    expect(authors.map((a) => a.author).sort()).toEqual(['office', 'reporter']);
    expect(year.accounts.map((a) => a.role).sort()).toEqual(['admin', 'analyst', 'caseworker', 'caseworker']);
  });

  it('lets the printed demo accounts sign in and work at once, statistics included', async () => {
    const clara = year.accounts.find((a) => a.role === 'caseworker')!;
    const client = new StaffClient(demo.url);
    expect((await client.login(clara.username, clara.password)).status).toBe(200);
    expect((await client.get('/api/staff/reports')).json.total).toBe(80);
    const statistics = await client.get(`/api/staff/statistics?year=${new Date().getFullYear()}`);
    expect(statistics.status).toBe(200);
    const receipt = await fetch(`${demo.url}/api/receipt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt: year.receipts[0] }),
    });
    expect(receipt.status).toBe(200);
  });

  it('shows the demo banner on every public page, and nowhere on a real portal', async () => {
    for (const page of ['/de/', '/ar/', '/en/report', '/tr/receipt', '/uk/assistant', '/de/statistics']) {
      const demoPage = await (await fetch(`${demo.url}${page}`)).text();
      expect(demoPage, page).toContain('class="demo-banner"');
    }
    expect(await (await fetch(`${demo.url}/de/`)).text()).toContain('Demo: Alle Meldungen hier sind erfunden.');
    expect(await (await fetch(`${plain.url}/de/`)).text()).not.toContain('demo-banner');
  });
});
