import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';

/** A text unlike any other: twelve made-up words, so that no two reports of this file are near copies. */
function distinctText() {
  const word = () =>
    Array.from({ length: 7 }, () => 'abcdefghijklmnoprstuvwz'[Math.floor(Math.random() * 23)]).join('');
  return `Bei der Arbeit ${Array.from({ length: 12 }, word).join(' ')}.`;
}

/**
 * What caseworkers do with flagged reports (a possible flood, sent without the proof of work): find them,
 * count a real one after reading it, reject many as spam in one decision, and see a flood of copies as one
 * group. On every backend: SQLite, PostgreSQL, and the Worker over D1.
 */
describe.each(testBackends())('flagged reports in the back office on %s', (backend) => {
  let server: TestServer;
  let anna: StaffClient;
  let ben: StaffClient;
  let admin: StaffClient;
  beforeAll(async () => {
    server = await startTestServer({ backend });
    [anna, ben, admin] = await Promise.all([
      signedInStaff(server, 'caseworker'),
      signedInStaff(server, 'caseworker'),
      signedInStaff(server, 'admin'),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Reports sent without the proof of work (flagged `unverified`), each its own text; their inbox rows. */
  async function unverifiedReports(count: number, overrides: Record<string, unknown> = {}) {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const sent = await postJson(
        `${server.url}/api/reports`,
        validReport({ description: distinctText(), ...overrides }),
        { 'x-altcha': '' },
      );
      expect(sent.status).toBe(201);
    }
    const rows = (await anna.get('/api/staff/reports?flag=unverified&status=new')).json.rows as InboxRow[];
    ids.push(...rows.slice(0, count).map((r) => r.id));
    return rows.slice(0, count);
  }
  interface InboxRow {
    id: number;
    received_on: string;
    flag: string | null;
    updated_at: string;
    status: string;
    text_group: number | null;
  }
  const seen = (r: InboxRow) => `${r.id}@${r.updated_at}`;
  const total = async (query: string) => (await anna.get(`/api/staff/reports?${query}`)).json.total as number;
  const today = () => new Date().toISOString().slice(0, 10);
  const countedToday = async () =>
    (await admin.get(`/api/staff/statistics?from=${today()}&to=${today()}&exact=1`)).json.reports.current
      .value as number;
  const statusOf = async (id: number) => (await anna.get(`/api/staff/reports/${id}`)).json.report;

  it('shows flagged reports with their mark in words and filters by the flag, in the page and the API', async () => {
    const before = {
      flagged: await total('flag=flagged'),
      unverified: await total('flag=unverified'),
      none: await total('flag=none'),
    };
    const [row] = await unverifiedReports(2);
    expect((await postJson(`${server.url}/api/reports`, validReport({ description: distinctText() }))).status).toBe(
      201,
    );
    expect(row!.flag).toBe('unverified');
    expect(await total('flag=flagged')).toBe(before.flagged + 2);
    expect(await total('flag=unverified')).toBe(before.unverified + 2);
    expect(await total('flag=flood')).toBe(0);
    expect(await total('flag=none')).toBe(before.none + 1);

    const page = await anna.get('/staff/inbox?flag=unverified');
    expect(page.status).toBe(200);
    expect(page.text).toContain('nicht verifiziert – zählt nicht');
    expect(page.text).toMatch(/<option value="unverified" selected/);
    const report = await anna.get(`/staff/reports/${row!.id}`);
    expect(report.text).toContain('Zählt noch nicht in der Statistik');
    expect(report.text).toContain(`action="/staff/reports/${row!.id}/count"`);

    const wrong = await anna.get('/api/staff/reports?flag=maybe');
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields.flag).toMatch(/\w{4}/);
    expect((await anna.get('/staff/inbox?flag=maybe')).status).toBe(422);
  });

  it('counts a flagged report once a caseworker has read it: from then on it is in the statistics', async () => {
    const figures = await countedToday();
    const [row] = await unverifiedReports(1);
    expect(await countedToday()).toBe(figures);

    const dirtyVersion = async () =>
      (
        await server.database.db
          .selectFrom('stats_dirty_days')
          .select('version')
          .where('day', '=', row!.received_on)
          .executeTakeFirst()
      )?.version ?? 0;
    const before = backend === 'worker' ? 0 : await dirtyVersion();
    const counted = await anna.post(`/api/staff/reports/${row!.id}/count`);
    expect(counted.status).toBe(200);
    expect(counted.json).toEqual({ counted: true, flag: 'unverified' });
    // The statistics tables learn of it: the day is marked for recounting (migration 0007's trigger).
    if (backend !== 'worker') expect(await dirtyVersion()).toBeGreaterThan(before);
    expect((await statusOf(row!.id)).flag).toBeNull();
    expect(await countedToday()).toBe(figures + 1);

    const again = await ben.post(`/api/staff/reports/${row!.id}/count`);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('errors.not_flagged');
    expect(again.json.error.message).toMatch(/gezählt/);
    expect((await anna.post('/api/staff/reports/999999/count')).status).toBe(404);

    const audit = (await admin.get(`/api/staff/audit?report=${row!.id}&action=report.count`)).json.entries;
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toEqual({ flag: 'unverified' });
  });

  it('counts through the report page’s form without JavaScript', async () => {
    const [row] = await unverifiedReports(1);
    const res = await anna.request('POST', `/staff/reports/${row!.id}/count`, {
      form: [['_csrf', anna.csrfToken]],
      csrf: false,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/reports/${row!.id}?notice=notices.counted`);
    expect((await statusOf(row!.id)).flag).toBeNull();
  });

  it('rejects several reports as spam at once, each audited, and they leave the statistics', async () => {
    const rows = await unverifiedReports(3, { supportWanted: true, contact: { email: 'someone@example.org' } });
    // Counted first, so that the rejection visibly takes them out of the figures again.
    for (const r of rows) expect((await anna.post(`/api/staff/reports/${r.id}/count`)).status).toBe(200);
    const figures = await countedToday();
    const fresh = (await anna.get('/api/staff/reports?status=new')).json.rows as InboxRow[];
    const chosen = rows.map((r) => fresh.find((f) => f.id === r.id)!);
    const res = await anna.post('/api/staff/reports/spam', { reports: chosen.map(seen) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ rejected: 3 });
    for (const r of rows) {
      const view = (await anna.get(`/api/staff/reports/${r.id}`)).json;
      expect(view.report.status).toBe('rejected');
      expect(view.report.reject_reason).toBe('spam');
      expect(view.contact).toBeNull();
      const audit = (await admin.get(`/api/staff/audit?report=${r.id}&action=report.status`)).json.entries;
      expect(audit.map((e: { detail: object }) => e.detail)).toEqual([
        { from: 'new', to: 'rejected', reason: 'spam', contactDeleted: true, bulk: 3 },
      ]);
    }
    expect(await countedToday()).toBe(figures - 3);
  });

  it('rejects none when someone else changed one of them meanwhile, and says which', async () => {
    const rows = await unverifiedReports(3);
    // Ben counts one after Anna's inbox showed it.
    expect((await ben.post(`/api/staff/reports/${rows[1]!.id}/count`)).status).toBe(200);
    const res = await anna.post('/api/staff/reports/spam', { reports: rows.map(seen) });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('errors.reports_changed');
    expect(res.json.error.message).toMatch(/nichts abgelehnt/);
    expect(Object.keys(res.json.error.fields)).toEqual([`reports.${rows[1]!.id}`]);
    for (const r of rows) expect((await statusOf(r.id)).status).toBe('new');

    // The same through the inbox's form: back to the inbox, with the report named.
    const page = await anna.request('POST', '/staff/reports/spam', {
      form: [['_csrf', anna.csrfToken], ...rows.map((r): [string, string] => ['reports', seen(r)])],
      csrf: false,
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/staff/inbox?error=errors.reports_changed&changed=${rows[1]!.id}`);
    const inbox = await anna.get(page.headers.get('location')!);
    expect(inbox.text).toContain('Inzwischen von jemand anderem geändert');
    expect(inbox.text).toContain(`href="/staff/reports/${rows[1]!.id}"`);
  });

  it('lets one of two caseworkers rejecting the same reports at once win; the other is told', async () => {
    const rows = await unverifiedReports(4);
    const body = { reports: rows.map(seen) };
    const answers = await Promise.all([
      anna.post('/api/staff/reports/spam', body),
      ben.post('/api/staff/reports/spam', body),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.json.error.code).toBe('errors.reports_changed');
    for (const r of rows) {
      expect((await statusOf(r.id)).status).toBe('rejected');
      const audit = (await admin.get(`/api/staff/audit?report=${r.id}&action=report.status`)).json.entries;
      expect(audit, `report ${r.id}: one rejection in the log`).toHaveLength(1);
    }
  });

  it('asks before rejecting, through pages that work without JavaScript', async () => {
    const rows = await unverifiedReports(2);
    const query = rows.map((r) => `reports=${encodeURIComponent(seen(r))}`).join('&');
    const confirm = await anna.get(`/staff/inbox/spam?${query}`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('2 Meldungen als Spam ablehnen');
    for (const r of rows) expect(confirm.text).toContain(`name="reports" value="${seen(r)}"`);
    for (const r of rows) expect((await statusOf(r.id)).status).toBe('new');

    const done = await anna.request('POST', '/staff/reports/spam', {
      form: [['_csrf', anna.csrfToken], ...rows.map((r): [string, string] => ['reports', seen(r)])],
      csrf: false,
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/staff/inbox?notice=notices.rejected_as_spam');
    for (const r of rows) expect((await statusOf(r.id)).status).toBe('rejected');
  });

  it('refuses a bad selection with a clear 4xx in the staff’s language, never a 500', async () => {
    const bad = async (body: unknown, field = 'reports') => {
      const res = await anna.post('/api/staff/reports/spam', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.fields[field]).toMatch(/\w{4}/);
      return res.json.error.fields[field] as string;
    };
    expect(await bad({ reports: [] })).toMatch(/mindestens eine/);
    expect(await bad({})).toMatch(/mindestens eine/);
    expect(await bad({ reports: ['12'] })).toMatch(/Auswahl ist ungültig/);
    expect(await bad({ reports: ['0@2026-01-01'] })).toMatch(/Auswahl ist ungültig/);
    expect(await bad({ reports: 'x'.repeat(5000) })).toMatch(/Auswahl ist ungültig/);
    expect(await bad({ reports: Array.from({ length: 201 }, (_, i) => `${i + 1}@2026-01-01`) })).toMatch(
      /kleineren Schritten/,
    );
    expect((await anna.post('/api/staff/reports/spam', { reports: ['1@2026-01-01'], extra: 1 })).status).toBe(422);
    const notJson = await anna.request('POST', '/api/staff/reports/spam', {
      json: '{"reports": [',
    });
    expect(notJson.status).toBe(400);
    // An id that does not exist is "changed meanwhile": nothing is rejected.
    expect((await anna.post('/api/staff/reports/spam', { reports: ['999999@2026-01-01'] })).status).toBe(409);

    const nothing = await anna.get('/staff/inbox/spam');
    expect(nothing.status).toBe(303);
    expect(nothing.headers.get('location')).toBe('/staff/inbox?error=errors.spam_none_selected');
    expect((await anna.get(nothing.headers.get('location')!)).text).toContain('mindestens eine Meldung');
    expect((await anna.get('/staff/inbox/spam?group=abc')).status).toBe(422);
    const page = await anna.get('/staff/inbox/spam?reports=nonsense');
    expect(page.status).toBe(422);
    expect(page.text).toContain('Die Auswahl ist ungültig');
    const form = await anna.request('POST', '/staff/reports/spam', { form: [['_csrf', anna.csrfToken]], csrf: false });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/staff/inbox?error=errors.spam_none_selected');
  });

  it('shows a flood of copies that differ by a word as one group, and rejects the group in one decision', async () => {
    const words = ['Mann', 'Frau', 'Typ', 'Kerl', 'Nachbar', 'Fahrer'];
    const copy = (i: number) =>
      `Am Bahnhof in Eschweiler hat mich gestern ein ${words[i % words.length]} rassistisch beleidigt und ` +
      `bedroht, alle haben zugesehen und niemand hat geholfen, das war Nummer ${i % 3}.`;
    for (let i = 0; i < 12; i++)
      expect(
        (await postJson(`${server.url}/api/reports`, validReport({ description: copy(i) }), { 'x-altcha': '' })).status,
      ).toBe(201);
    const other = await postJson(`${server.url}/api/reports`, validReport({ description: distinctText() }));
    expect(other.status).toBe(201);

    const inbox = (await anna.get('/api/staff/reports?status=new')).json;
    const copies = (inbox.rows as (InboxRow & { excerpt: string })[]).filter((r) => r.excerpt.includes('Eschweiler'));
    expect(copies).toHaveLength(12);
    const group = copies[0]!.text_group!;
    expect(group).toBeGreaterThan(0);
    expect(new Set(copies.map((r) => r.text_group))).toEqual(new Set([group]));
    expect(inbox.groups).toEqual({ [group]: 12 });
    expect(inbox.rows.find((r: InboxRow & { excerpt: string }) => !r.excerpt.includes('Eschweiler')).text_group).toBe(
      null,
    );
    expect((await anna.get(`/api/staff/reports?group=${group}`)).json.total).toBe(12);

    const page = await anna.get('/staff/inbox?status=new');
    expect(page.text).toContain('12 fast gleiche Meldungen');
    // One row, one checkbox for the whole group.
    expect(page.text.match(/Am Bahnhof in Eschweiler/g)).toHaveLength(1);
    expect(page.text).toContain(`name="group" value="${group}"`);

    const confirm = await anna.get(`/staff/inbox/spam?group=${group}`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('12 Meldungen als Spam ablehnen');
    const chosen = [...confirm.text.matchAll(/name="reports" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(chosen).toHaveLength(12);
    const done = await anna.post('/api/staff/reports/spam', { reports: chosen });
    expect(done.json).toEqual({ rejected: 12 });
    expect(await total(`group=${group}&status=rejected`)).toBe(12);
  });
});
