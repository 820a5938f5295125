import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_SETTINGS_TTL_MS } from '../../server/office/settings';
import { createPostgresDatabase, nodeBackends } from '../helpers/backends';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';

/**
 * The office's settings saved in the back office: checked by the office file's schema, audited, and seen by
 * every instance of the portal over one database without a restart.
 */
describe.each(nodeBackends())('office settings on %s, two instances over one database', (backend) => {
  let first: TestServer;
  let second: TestServer;
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let admin: StaffClient;
  beforeAll(async () => {
    postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const env: Record<string, string> = postgres ? { DATABASE_URL: postgres.url } : {};
    first = await startTestServer({ env });
    // The same data folder (SQLite file and secrets), or the same PostgreSQL database.
    second = await startTestServer({ env, dataDir: first.dataDir });
    admin = await signedInStaff(first, 'admin', 'ada');
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await postgres?.drop();
  });

  const landing = async (server: TestServer, locale: string) => (await fetch(`${server.url}/${locale}/`)).text();

  it('starts from the office file and the environment', async () => {
    const settings = (await admin.get('/api/staff/settings/office')).json;
    expect(settings.office).toEqual(first.config.office);
    expect(settings.retentionMonths).toBe(first.config.retention.months);
    expect(settings.statsMinCount).toBe(first.config.stats.minCount);
  });

  it('shows a change made on one instance on the other within seconds, without a restart', async () => {
    // The second instance has read the settings as they were.
    expect(await landing(second, 'ar')).not.toContain('طائر الرفراف');
    const current = (await admin.get('/api/staff/settings/office')).json;
    const office = structuredClone(current.office);
    office.counselling[0].description = {
      ...office.counselling[0].description,
      de: 'Neue Sprechzeiten Eisvogel: montags bis freitags.',
      ar: 'مواعيد جديدة للاستشارة طائر الرفراف: من الاثنين إلى الجمعة.',
    };
    office.municipalities.push({ code: 'roetgen_neu', name: 'Roetgen-Neu', aliases: [] });
    const saved = await admin.request('PUT', '/api/staff/settings/office', {
      json: { ...current, office, statsMinCount: 7 },
    });
    expect(saved.status).toBe(200);
    // The instance that saved shows it at once.
    expect(await landing(first, 'de')).toContain('Neue Sprechzeiten Eisvogel');
    // The other within its short re-read time.
    await expect
      .poll(async () => (await landing(second, 'ar')).includes('طائر الرفراف'), {
        timeout: OFFICE_SETTINGS_TTL_MS * 3,
        interval: 250,
      })
      .toBe(true);
    expect(await landing(second, 'de')).toContain('Neue Sprechzeiten Eisvogel');
    // A municipality added there is a place a report may name, on the other instance too.
    const report = await postJson(
      `${second.url}/api/reports`,
      validReport({ place: { municipality: 'roetgen_neu', online: false } }),
    );
    expect(report.status).toBe(201);
    // …and a filter of the inbox there, on the other instance too.
    const filtered = await fetch(`${second.url}/api/staff/reports?municipality=roetgen_neu`, {
      headers: { cookie: admin.cookie },
    });
    expect(filtered.status).toBe(200);
    expect((await filtered.json()).rows).toHaveLength(1);

    const audit = await first.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', 'office.settings')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toBe('ada');
    expect(JSON.parse(audit[0]!.detail)).toEqual({ changed: ['municipalities', 'counselling', 'statsMinCount'] });
    expect(audit[0]!.detail).not.toContain('Eisvogel');
  });

  it('refuses what the office file’s schema refuses, with a 4xx in the staff language, and keeps what was saved', async () => {
    const current = (await admin.get('/api/staff/settings/office')).json;
    const broken = await admin.request('PUT', '/api/staff/settings/office', {
      json: { ...current, office: { ...current.office, quickExitUrl: 'not a link', emergency: [] } },
    });
    expect(broken.status).toBe(422);
    expect(broken.json.error.message).toBeTruthy();
    for (const body of [
      '{',
      '[]',
      JSON.stringify({ office: null }),
      JSON.stringify({ ...current, statsMinCount: 1 }),
    ]) {
      const refused = await admin.request('PUT', '/api/staff/settings/office', { json: body });
      expect(refused.status, body.slice(0, 30)).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    }
    expect((await admin.get('/api/staff/settings/office')).json).toEqual(current);
    expect(await landing(first, 'de')).toContain('Neue Sprechzeiten Eisvogel');

    // The page's form: the error at its field, everything typed still there, nothing saved.
    const form = await admin.request('POST', '/staff/settings', {
      form: [
        ['_csrf', admin.csrfToken],
        ['office.name.de', 'Integrationszentrum'],
        ['office.region', 'StädteRegion Aachen'],
        ['office.contact.address', 'Zollernstraße 10, 52070 Aachen'],
        ['office.quickExitUrl', 'wetter'],
        ['office.municipalities.0.code', 'aachen'],
        ['office.municipalities.0.name', 'Aachen'],
        ['office.emergency.0.number', '110'],
        ['office.emergency.0.label.de', 'Polizei'],
        ['office.counselling.0.name', 'Beratung Kranich'],
        ['office.counselling.0.description.de', 'Getippter Text bleibt erhalten.'],
        ['retentionMonths', '24'],
        ['statsMinCount', '5'],
      ],
      csrf: false,
    });
    expect(form.status).toBe(422);
    expect(form.text).toContain('Die Einstellungen wurden nicht gespeichert.');
    expect(form.text).toMatch(/id="office.quickExitUrl-error"[^>]*>Bitte geben Sie eine vollständige Adresse ein/);
    expect(form.text).toContain('Getippter Text bleibt erhalten.');
    expect((await admin.get('/api/staff/settings/office')).json).toEqual(current);
  });

  it('is for admins only', async () => {
    const clara = await signedInStaff(first, 'caseworker', 'clara');
    expect((await clara.get('/staff/settings')).status).toBe(403);
    expect((await clara.get('/api/staff/settings/office')).status).toBe(403);
    expect((await clara.request('PUT', '/api/staff/settings/office', { json: {} })).status).toBe(403);
  });
});

describe.runIf(process.env.TEST_WORKER === '1')('office settings on the Worker over D1', () => {
  let worker: TestServer;
  beforeAll(async () => {
    worker = await startTestServer({ backend: 'worker' });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
  });

  it('saves a counselling text and the landing page shows it', async () => {
    const admin = await signedInStaff(worker, 'admin', 'ada-worker');
    const current = (await admin.get('/api/staff/settings/office')).json;
    const office = structuredClone(current.office);
    office.counselling[0].description = {
      ...office.counselling[0].description,
      de: 'Sprechstunde Wiedehopf, donnerstags.',
    };
    expect((await admin.request('PUT', '/api/staff/settings/office', { json: { ...current, office } })).status).toBe(
      200,
    );
    await expect
      .poll(async () => (await (await fetch(`${worker.url}/de/`)).text()).includes('Sprechstunde Wiedehopf'), {
        timeout: OFFICE_SETTINGS_TTL_MS * 3,
        interval: 250,
      })
      .toBe(true);
    const broken = await admin.request('PUT', '/api/staff/settings/office', {
      json: { ...current, office: { ...office, municipalities: [] } },
    });
    expect(broken.status).toBe(422);
  });
});
