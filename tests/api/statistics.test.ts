import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

type Staff = Awaited<ReturnType<typeof signedInStaff>>;
const year = new Date().getUTCFullYear();
const ground = (stats: any, code: string) =>
  stats.tables.find((t: any) => t.id === 'ground').rows.find((r: any) => r.code === code).entry.current;

/** Over HTTP only, so that it also runs on the Worker: the triggers must keep D1's aggregates current too. */
describe.each(testBackends())('statistics on %s', (backend) => {
  let server: TestServer;
  let admin: Staff;
  let analyst: Staff;
  let caseworker: Staff;
  beforeAll(async () => {
    server = await startTestServer({ backend });
    admin = await signedInStaff(server, 'admin');
    analyst = await signedInStaff(server, 'analyst');
    caseworker = await signedInStaff(server, 'caseworker');
    for (let i = 0; i < 6; i++) expect((await postJson(`${server.url}/api/reports`, validReport())).status).toBe(201);
    const religion = validReport({ grounds: ['racism', 'religion'], racismForms: ['anti_muslim'] });
    expect((await postJson(`${server.url}/api/reports`, religion)).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('counts new reports at once, suppressed for an analyst, exact only for an admin who asks', async () => {
    const published = (await analyst.get(`/api/staff/statistics?year=${year}`)).json;
    expect(published.publication).toEqual({ mode: 'published', minCount: 5 });
    expect(published.reports.current).toEqual({ value: 7, shown: '7', suppressed: false });
    expect(ground(published, 'religion')).toEqual({ value: null, shown: '<5', suppressed: 'primary' });
    expect((await analyst.get(`/api/staff/statistics?year=${year}&exact=1`)).status).toBe(403);
    expect((await caseworker.get(`/staff/statistics?exact=1`)).status).toBe(403);
    const exact = (await admin.get(`/api/staff/statistics?year=${year}&exact=1`)).json;
    expect(ground(exact, 'religion')).toEqual({ value: 1, shown: '1', suppressed: false });
    expect(ground(exact, 'racism').value).toBe(7);
  });

  it('follows the case work: a rejected report leaves the figures, a recoded one moves', async () => {
    const { json: inbox } = await caseworker.get('/api/staff/reports');
    const [first, second] = inbox.rows.map((r: { id: number }) => r.id);
    await caseworker.post(`/api/staff/reports/${first}/status`, { status: 'rejected', reason: 'spam' });
    await caseworker.post(`/api/staff/reports/${second}/coding`, {
      grounds: ['religion'],
      racismForms: [],
      incidentForms: ['threat'],
      lifeDomain: 'work',
      reporterRole: 'witness',
    });
    const exact = (await admin.get(`/api/staff/statistics?year=${year}&exact=1`)).json;
    expect(exact.reports.current.value).toBe(6);
    // Newest first: the rejected one was the only report on religion; the recoded one is now on religion alone.
    expect(ground(exact, 'racism').value).toBe(5);
    expect(ground(exact, 'religion').value).toBe(1);
  });

  it('refuses a malformed period with a 422, never a 500', async () => {
    for (const query of [
      'year=abc',
      'year=2025&from=2025-01-01&to=2025-02-01',
      'from=2025-01-01',
      'from=2024-01-01&to=2025-06-01',
    ])
      expect((await analyst.get(`/api/staff/statistics?${query}`)).status, query).toBe(422);
  });

  it('exports every table suppressed, as CSV and JSON, and records each export', async () => {
    const csv = await analyst.get(`/staff/statistics/export.csv?year=${year}&lang=en`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`statistik-${year}.csv`);
    expect(csv.text).toContain('table,row,row_label,column,column_label,current,previous,change');
    expect(csv.text).toMatch(/ground,religion,[^,]*,,,<5,0,/);
    const json = await admin.get(`/staff/statistics/export.json?year=${year}`);
    expect(JSON.parse(json.text).publication.mode).toBe('published');
    expect((await admin.get(`/staff/statistics/export.json?exact=1`)).status).toBe(403);
    const audit = (await admin.get('/api/staff/audit?action=statistics.export')).json;
    expect(audit.entries.map((e: { detail: { format: string } }) => e.detail.format).sort()).toEqual(['csv', 'json']);
  });

  it('renders the back-office page and the printable report in German and English', async () => {
    const page = await analyst.get(`/staff/statistics?year=${year}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<svg class="bar-chart" role="img"');
    const de = await analyst.get(`/staff/statistics/report?year=${year}&lang=de`);
    expect(de.text).toContain('Wie gezählt wird');
    const en = await analyst.get(`/staff/statistics/report?year=${year}&lang=en`);
    expect(en.text).toContain('How we count');
    expect(en.text).toContain('<html lang="en"');
  });

  it('shows the public page only while an admin has it switched on, and records the switch', async () => {
    expect((await fetch(`${server.url}/de/statistics`)).status).toBe(404);
    expect(
      (await analyst.request('PUT', '/api/staff/settings/public-statistics', { json: { enabled: true } })).status,
    ).toBe(403);
    expect(
      (await admin.request('PUT', '/api/staff/settings/public-statistics', { json: { enabled: 'yes' } })).status,
    ).toBe(422);
    expect(
      (await admin.request('PUT', '/api/staff/settings/public-statistics', { json: { enabled: true } })).status,
    ).toBe(200);
    for (const locale of ['de', 'en', 'ar', 'tr']) {
      const res = await fetch(`${server.url}/${locale}/statistics?year=${year}`);
      expect(res.status, locale).toBe(200);
      const html = await res.text();
      expect(html).toContain('&lt;5');
    }
    const audit = (await admin.get('/api/staff/audit?action=statistics.public_page')).json;
    expect(audit.entries[0].detail).toEqual({ enabled: true });
    // The statistics page's button: the same action, as a form, back to the page with a notice.
    const switched = await admin.request('POST', '/staff/settings/public-statistics', {
      form: [
        ['_csrf', admin.csrfToken],
        ['enabled', 'false'],
      ],
    });
    expect([switched.status, switched.headers.get('location')]).toEqual([
      303,
      '/staff/statistics?notice=notices.public_statistics_off',
    ]);
    expect((await fetch(`${server.url}/en/statistics`)).status).toBe(404);
  });

  it('lets a caseworker enter a report received by phone: anonymised, counted under "staff", with a receipt only on request', async () => {
    const { description, ...rest } = validReport();
    const entry = { ...rest, description, receivedVia: 'phone' };
    delete (entry as { channel?: string }).channel;
    expect((await analyst.post('/api/staff/reports', entry)).status).toBe(403);
    expect((await caseworker.post('/api/staff/reports', { ...entry, receivedVia: 'fax' })).status).toBe(422);
    expect((await caseworker.post('/api/staff/reports', { ...entry, channel: 'form' })).status).toBe(422);
    const silent = await caseworker.post('/api/staff/reports', entry);
    expect(silent.status).toBe(201);
    expect(silent.json.receipt).toBeNull();
    const withReceipt = await caseworker.post('/api/staff/reports', { ...entry, receipt: true });
    expect(withReceipt.json.receipt).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const lookup = await postJson(`${server.url}/api/receipt`, { receipt: withReceipt.json.receipt });
    expect(lookup.status).toBe(200);
    const page = await caseworker.request('POST', '/staff/reports/new', {
      form: [
        ['_csrf', caseworker.csrfToken],
        ['receivedVia', 'letter'],
        ['locale', 'de'],
        ['description', 'Brief: Frau Müller wurde im Bürgerbüro Alsdorf abgewiesen, Tel. 0241 123456.'],
        ['grounds', 'racism'],
        ['consent', 'on'],
      ],
    });
    expect(page.status).toBe(201);
    expect(page.text).not.toContain('0241 123456');
    const stats = (await admin.get(`/api/staff/statistics?year=${year}&exact=1`)).json;
    const channel = stats.tables.find((t: any) => t.id === 'channel');
    expect(channel.rows.find((r: any) => r.code === 'staff').entry.current.value).toBe(3);
  });
});
