import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../helpers/backends';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';

/**
 * Two caseworkers change the same case at the same moment. A change applies only to the case as it was read
 * (`… where status = <from>`), together with its audit row and the deletion of the contact, in one write:
 * one of them wins, the other is told that the case changed meanwhile, and the log records one change.
 */
describe.each(testBackends())('two changes of one case at once, on %s', (backend) => {
  let server: TestServer;
  let anna: StaffClient;
  let ben: StaffClient;
  beforeAll(async () => {
    server = await startTestServer({ backend });
    anna = await signedInStaff(server, 'caseworker');
    ben = await signedInStaff(server, 'caseworker');
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Reports received now, each with contact details for counselling; their ids, newest first. */
  async function reports(count: number): Promise<number[]> {
    for (let i = 0; i < count; i++) {
      const created = await postJson(
        `${server.url}/api/reports`,
        validReport({ supportWanted: true, contact: { email: `person${i}@example.org` } }),
      );
      expect(created.status).toBe(201);
    }
    const inbox = await anna.get(`/api/staff/reports?status=new`);
    return inbox.json.rows.slice(0, count).map((r: { id: number }) => r.id);
  }

  let admin: StaffClient | undefined;
  /** The status changes the audit log holds for a report, newest first: where each went, and the detail. */
  async function statusChanges(id: number): Promise<{ to: string; contactDeleted: boolean }[]> {
    admin ??= await signedInStaff(server, 'admin');
    const { entries } = (await admin.get(`/api/staff/audit?report=${id}&action=report.status`)).json;
    return entries.map((e: { detail: { to: string; contactDeleted: boolean } }) => e.detail);
  }

  it('lets one of two identical status changes win and tells the other that the case changed', async () => {
    const ids = await reports(8);
    const results = await Promise.all(
      ids.map(async (id) => {
        const answers = await Promise.all([
          anna.post(`/api/staff/reports/${id}/status`, { status: 'in_review' }),
          ben.post(`/api/staff/reports/${id}/status`, { status: 'in_review' }),
        ]);
        return { id, statuses: answers.map((a) => a.status).sort(), answers };
      }),
    );
    for (const { id, statuses, answers } of results) {
      expect(statuses, `report ${id}`).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409)!;
      // Read before the winner wrote: "changed meanwhile"; read after it: no step from in review to in review.
      expect(['errors.status_changed', 'errors.status_transition']).toContain(loser.json.error.code);
      expect(loser.json.error.message).toMatch(/\w{3}/);
      expect(await statusChanges(id), `report ${id}: one change in the log`).toHaveLength(1);
    }
  });

  it('closes a case once: one closing wins, the contact goes with it, and the log says so once', async () => {
    const ids = await reports(6);
    for (const id of ids) {
      expect((await anna.post(`/api/staff/reports/${id}/status`, { status: 'in_review' })).status).toBe(200);
    }
    const results = await Promise.all(
      ids.map(async (id) => {
        const answers = await Promise.all([
          anna.post(`/api/staff/reports/${id}/status`, { status: 'closed' }),
          ben.post(`/api/staff/reports/${id}/status`, { status: 'rejected', reason: 'spam' }),
        ]);
        return { id, answers };
      }),
    );
    for (const { id, answers } of results) {
      // Closed and rejected are both final: whichever came second finds no step left.
      expect(answers.map((a) => a.status).sort(), `report ${id}`).toEqual([200, 409]);
      const view = await anna.get(`/api/staff/reports/${id}`);
      const winner = answers[0]!.status === 200 ? 'closed' : 'rejected';
      expect(view.json.report.status).toBe(winner);
      expect(view.json.contact).toBeNull();
      const changes = await statusChanges(id);
      expect(changes.map((c) => c.to)).toEqual([winner, 'in_review']);
      expect(changes[0]!.contactDeleted).toBe(true);
    }
  });

  it('answers a change to a report that is gone with 404, and one on a form page back on the report', async () => {
    const missing = await anna.post('/api/staff/reports/999999/urgent', { urgent: true });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('errors.report_unknown');
    const [id] = await reports(1);
    expect((await anna.post(`/api/staff/reports/${id}/status`, { status: 'in_review' })).status).toBe(200);
    const page = await ben.request('POST', `/staff/reports/${id}/status`, {
      form: [
        ['_csrf', ben.csrfToken],
        ['status', 'in_review'],
      ],
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/staff/reports/${id}?error=errors.status_transition`);
  });
});
