import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_STAFF_ROUTES, STAFF_ROUTE_ACCESS } from '../../server/auth/access';
import { STAFF_ROLES } from '../../shared/staff';
import { fixture, sendReport, upload } from '../helpers/evidence';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, StaffClient } from '../helpers/staff';

/**
 * Every route the app serves under /staff and /api/staff, read from the app itself: a route added without
 * an entry in the access table, or reachable without a session, fails here.
 */
let server: TestServer;
let staffRoutes: { method: string; path: string; key: string }[];
const clients: Partial<Record<(typeof STAFF_ROLES)[number], StaffClient>> = {};
let reportId: number;
let otherId: number;
let fileId: string;

beforeAll(async () => {
  server = await startTestServer();
  const seen = new Set<string>();
  staffRoutes = server.app.routes
    .filter((r) => r.method !== 'ALL' && /^\/(api\/)?staff(\/|$)/.test(r.path))
    .map((r) => ({ method: r.method, path: r.path, key: `${r.method} ${r.path.replace(/\/$/, '')}` }))
    .filter((r) => !seen.has(r.key) && seen.add(r.key));
  for (const role of STAFF_ROLES) clients[role] = await signedInStaff(server, role);
  for (let i = 0; i < 2; i++) expect((await postJson(`${server.url}/api/reports`, validReport())).status).toBe(201);
  const ids = await server.database.db.selectFrom('reports').select('id').orderBy('id').execute();
  reportId = ids[0]!.id;
  otherId = ids[1]!.id;
  // A report with a file, so that reading a file is about the role and not a 404.
  const staged = await upload(server, [{ name: 'photo.jpg', bytes: fixture('phone-photo.jpg') }]);
  await sendReport(server, staged.json.token);
  fileId = (await server.database.db.selectFrom('report_evidence').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await server?.close();
});

/** A concrete URL for a route pattern: ids of real reports, so a 403 is about the role and not a 404. */
function urlOf(path: string): string {
  return path
    .replace(/:id\{[^}]+\}/, String(reportId))
    .replace(/:relatedId\{[^}]+\}/, String(otherId))
    .replace(/:file\{\[a-f0-9\]\{32\}\}/, fileId)
    .replace(/:\w+(\{[^}]+\})?/g, '1');
}

async function call(client: StaffClient, method: string, path: string) {
  return client.request(method, urlOf(path), method === 'GET' ? {} : { json: {} });
}

describe('staff route authorization', () => {
  it('finds the staff routes of the app', () => {
    expect(staffRoutes.length).toBeGreaterThan(40);
  });

  it('has an access rule for every staff route, and no rule without a route', () => {
    const keys = staffRoutes.map((r) => r.key);
    const unruled = keys.filter((k) => !PUBLIC_STAFF_ROUTES.has(k) && !STAFF_ROUTE_ACCESS[k]);
    expect(unruled, 'routes without an entry in STAFF_ROUTE_ACCESS').toEqual([]);
    const stale = Object.keys(STAFF_ROUTE_ACCESS).filter((k) => !keys.includes(k));
    expect(stale, 'access rules for routes that do not exist').toEqual([]);
  });

  it('answers 401 on every non-public staff route without a session', async () => {
    const anonymous = new StaffClient(server.url);
    const failures: string[] = [];
    for (const r of staffRoutes.filter((r) => !PUBLIC_STAFF_ROUTES.has(r.key))) {
      const res = await call(anonymous, r.method, r.path);
      if (res.status !== 401) failures.push(`${r.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 for a made-up session cookie', async () => {
    const forged = new StaffClient(server.url);
    forged.cookie = 'meldestelle_staff=forged-token-value';
    expect((await forged.get('/api/staff/reports')).status).toBe(401);
    expect((await forged.get('/staff/inbox')).status).toBe(401);
  });

  it.each(STAFF_ROLES)('answers 403 to a %s on every route that role must not use', async (role) => {
    const failures: string[] = [];
    for (const r of staffRoutes.filter((r) => !PUBLIC_STAFF_ROUTES.has(r.key))) {
      if (STAFF_ROUTE_ACCESS[r.key]!.roles.includes(role)) continue;
      const res = await call(clients[role]!, r.method, r.path);
      if (res.status !== 403) failures.push(`${r.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(STAFF_ROLES)('lets a %s read what the role may read', async (role) => {
    const failures: string[] = [];
    for (const r of staffRoutes.filter((r) => r.method === 'GET' && !PUBLIC_STAFF_ROUTES.has(r.key))) {
      if (!STAFF_ROUTE_ACCESS[r.key]!.roles.includes(role)) continue;
      const res = await call(clients[role]!, r.method, r.path);
      if (res.status >= 400) failures.push(`${r.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps analysts away from report text and caseworkers away from accounts and the audit log', async () => {
    expect((await clients.analyst!.get(`/api/staff/reports/${reportId}`)).status).toBe(403);
    expect((await clients.analyst!.get('/staff/inbox')).status).toBe(403);
    expect((await clients.caseworker!.get('/api/staff/audit')).status).toBe(403);
    expect(
      (await clients.caseworker!.post('/api/staff/users', { username: 'mallory', displayName: 'M', role: 'admin' }))
        .status,
    ).toBe(403);
  });
});
