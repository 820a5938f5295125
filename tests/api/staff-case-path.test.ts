import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/auth/bootstrap';
import { nativeArgon2id } from '../../server/auth/native-argon2';
import { runRetention } from '../../server/retention/job';
import { nodeBackends } from '../helpers/backends';
import { fixedClock, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { currentTotpCode, STAFF_PASSWORD, StaffClient } from '../helpers/staff';

describe.each(nodeBackends())('the whole case path on %s', (backend) => {
  const clock = fixedClock('2026-11-02T09:00:00.000Z');
  let server: TestServer;
  const admin = () => new StaffClient(server.url);
  beforeAll(async () => {
    server = await startTestServer({ backend, clock, env: { FIRST_ADMIN_NAME: 'leitung' } });
  });
  afterAll(async () => {
    await server?.close();
  });
  const api = (path: string) => `${server.url}/api${path}`;

  it('runs from the first admin to retention', async () => {
    // npm start on an empty database: the first admin, named at setup, with a one-time password.
    const first = await ensureFirstAdmin(server.database.db, clock, server.config, nativeArgon2id);
    expect(first?.username).toBe('leitung');
    expect(await ensureFirstAdmin(server.database.db, clock, server.config, nativeArgon2id)).toBeNull();
    const boss = admin();
    expect((await boss.login('leitung', first!.password)).status).toBe(200);
    // Until the one-time password is changed, only the account is open.
    expect((await boss.get('/api/staff/reports')).json.error.code).toBe('errors.password_change_required');
    expect(
      (
        await boss.post('/api/staff/password', {
          current: first!.password,
          next: STAFF_PASSWORD,
          confirm: STAFF_PASSWORD,
        })
      ).status,
    ).toBe(200);

    // The admin creates a caseworker and requires TOTP for them.
    const created = await boss.post('/api/staff/users', {
      username: 'clara',
      displayName: 'Clara K.',
      role: 'caseworker',
    });
    expect(created.status).toBe(201);
    expect(
      (await boss.request('PATCH', `/api/staff/users/${created.json.id}`, { json: { totpRequired: true } })).status,
    ).toBe(200);

    // Clara: first login, new password, TOTP enrolment, then a login with password and code.
    const clara = new StaffClient(server.url);
    expect((await clara.login('clara', created.json.oneTimePassword)).status).toBe(200);
    expect(
      (
        await clara.post('/api/staff/password', {
          current: created.json.oneTimePassword,
          next: STAFF_PASSWORD,
          confirm: STAFF_PASSWORD,
        })
      ).status,
    ).toBe(200);
    expect((await clara.get('/api/staff/reports')).json.error.code).toBe('errors.totp_enrolment_required');
    const enrolment = await clara.post('/api/staff/totp');
    expect(enrolment.json.uri).toMatch(/^otpauth:\/\/totp\//);
    const confirm = await clara.post('/api/staff/totp/confirm', {
      pending: enrolment.json.pending,
      code: currentTotpCode(enrolment.json.secret, clock.now()),
      password: STAFF_PASSWORD,
    });
    expect(confirm.status).toBe(200);
    expect((await clara.request('DELETE', '/api/staff/session')).status).toBe(200);
    clock.advance(60_000);
    const withoutCode = await clara.login('clara', STAFF_PASSWORD);
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.json.error.code).toBe('errors.totp_required');
    expect(
      (await clara.login('clara', STAFF_PASSWORD, currentTotpCode(enrolment.json.secret, clock.now()))).status,
    ).toBe(200);

    // Reports arrive: one asks for counselling and leaves contact details.
    const plain = await postJson(
      api('/reports'),
      validReport({
        description: 'Im Rathaus Stolberg wurde ich am Schalter ignoriert.',
        place: { municipality: 'stolberg', online: false },
        grounds: ['citizenship_residence'],
        racismForms: [],
        lifeDomain: 'authorities',
      }),
    );
    expect(plain.status).toBe(201);
    const counselled = await postJson(
      api('/reports'),
      validReport({
        description: 'Der Vermieter in Eschweiler hat die Wohnung nicht an uns vergeben, wegen unseres Namens.',
        place: { municipality: 'eschweiler', online: false },
        lifeDomain: 'housing',
        grounds: ['racism'],
        racismForms: ['anti_arab'],
        supportWanted: true,
        contact: { email: 'ratsuchend@example.org', phone: '+49 170 1234567', language: 'Arabisch' },
      }),
    );
    expect(counselled.status).toBe(201);
    const receipt: string = counselled.json.receipt;
    // The contact is sealed: the clear text appears nowhere in the database.
    const contactRow = await server.database.db.selectFrom('report_contacts').selectAll().executeTakeFirstOrThrow();
    expect(contactRow.sealed).not.toContain('ratsuchend');
    const reportRow = await server.database.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', contactRow.report_id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(reportRow)).not.toContain('ratsuchend');

    // Find it by filter and by search.
    const byFilter = await clara.get(
      '/api/staff/reports?lifeDomain=housing&municipality=eschweiler&contact=1&status=new',
    );
    expect(byFilter.status).toBe(200);
    expect(byFilter.json.rows.map((r: { id: number }) => r.id)).toEqual([contactRow.report_id]);
    expect(byFilter.json.counts).toEqual({ new: 1 });
    const bySearch = await clara.get(`/api/staff/reports?q=${encodeURIComponent('vermiet wohnung')}`);
    expect(bySearch.json.rows.map((r: { id: number }) => r.id)).toEqual([contactRow.report_id]);
    expect((await clara.get('/api/staff/reports?q=Rathaus')).json.rows).toHaveLength(1);

    // Read it: contact visible to the caseworker, the view audited.
    const id = contactRow.report_id;
    const view = await clara.get(`/api/staff/reports/${id}`);
    expect(view.status).toBe(200);
    expect(view.json.contact.details).toEqual({
      email: 'ratsuchend@example.org',
      phone: '+49 170 1234567',
      language: 'Arabisch',
    });

    // Code it: the caseworker's coding sits beside the reporter's, and filters follow it.
    expect(
      (
        await clara.post(`/api/staff/reports/${id}/coding`, {
          grounds: ['racism'],
          racismForms: ['anti_muslim'],
          incidentForms: ['denial_unequal_treatment'],
          lifeDomain: 'housing',
          reporterRole: 'affected',
        })
      ).status,
    ).toBe(200);
    const coded = await clara.get(`/api/staff/reports/${id}`);
    const codes = (coder: string) =>
      coded.json.codes
        .filter((c: { coder: string; dimension: string }) => c.coder === coder && c.dimension === 'racism_form')
        .map((c: { code: string }) => c.code);
    expect(codes('reporter')).toEqual(['anti_arab']);
    expect(codes('caseworker')).toEqual(['anti_muslim']);
    expect((await clara.get('/api/staff/reports?racismForm=anti_arab')).json.total).toBe(0);
    expect((await clara.get('/api/staff/reports?racismForm=anti_muslim')).json.total).toBe(1);

    // Export the filtered inbox: codes and dates; the text only on request, and both exports audited.
    const csv = await clara.get('/api/staff/reports/export.csv?lifeDomain=housing');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('racism_form');
    expect(lines[1]).toContain('anti_muslim');
    expect(csv.text).not.toContain('Vermieter');
    const withText = await clara.get('/staff/inbox.csv?lifeDomain=housing&text=1');
    expect(withText.text).toContain('Vermieter');
    const exports = await server.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'export.csv')
      .execute();
    expect(exports.map((e) => JSON.parse(e.detail).text)).toEqual([false, true]);

    // Internal notes and a link to the related report from Stolberg.
    expect(
      (await clara.post(`/api/staff/reports/${id}/notes`, { body: 'Beratungsstelle Wohnen anfragen.' })).status,
    ).toBe(201);
    const plainId = (await clara.get('/api/staff/reports?q=Rathaus')).json.rows[0].id;
    expect((await clara.post(`/api/staff/reports/${id}/links`, { relatedId: plainId })).status).toBe(201);
    expect((await clara.post(`/api/staff/reports/${id}/links`, { relatedId: id })).status).toBe(422);
    const annotated = await clara.get(`/api/staff/reports/${id}`);
    expect(annotated.json.notes).toEqual([
      expect.objectContaining({ body: 'Beratungsstelle Wohnen anfragen.', author: 'Clara K.' }),
    ]);
    expect(annotated.json.links.map((l: { id: number }) => l.id)).toEqual([plainId]);
    expect((await clara.get(`/api/staff/reports/${plainId}`)).json.links.map((l: { id: number }) => l.id)).toEqual([
      id,
    ]);

    // Move it along, assign it, reply.
    expect((await clara.post(`/api/staff/reports/${id}/status`, { status: 'in_review' })).status).toBe(200);
    expect((await clara.post(`/api/staff/reports/${id}/assignee`, { assigneeId: created.json.id })).status).toBe(200);
    expect((await clara.get('/api/staff/reports?assignee=me')).json.rows.map((r: { id: number }) => r.id)).toEqual([
      id,
    ]);
    expect(
      (
        await clara.post(`/api/staff/reports/${id}/messages`, {
          body: 'Danke für Ihre Meldung. Wir melden uns bei Ihnen.',
        })
      ).status,
    ).toBe(201);

    // The reporter reads it with the receipt (marked new once), and answers.
    const status1 = await postJson(api('/receipt'), { receipt });
    expect(status1.json.status).toBe('in_review');
    expect(status1.json.messages).toEqual([expect.objectContaining({ author: 'office', unread: true })]);
    const status2 = await postJson(api('/receipt'), { receipt });
    expect(status2.json.messages[0].unread).toBe(false);
    expect(
      (await postJson(api('/receipt/messages'), { receipt, body: 'Danke! Montags geht es am besten.' })).status,
    ).toBe(201);

    // The office sees the unread answer, and that its reply was read.
    const unread = await clara.get('/api/staff/reports?unread=1');
    expect(unread.json.rows).toEqual([expect.objectContaining({ id, unread: 1 })]);
    const thread = await clara.get(`/api/staff/reports/${id}`);
    expect(
      thread.json.messages.map((m: { author: string; read_at: string | null }) => [m.author, Boolean(m.read_at)]),
    ).toEqual([
      ['office', true],
      ['reporter', false],
    ]);
    expect((await clara.get('/api/staff/reports?unread=1')).json.total).toBe(0);

    // The other report is overdue for acknowledgement after 7 days; this one was acknowledged by the reply.
    clock.advance(8 * 24 * 3600_000);
    expect(
      (await clara.login('clara', STAFF_PASSWORD, currentTotpCode(enrolment.json.secret, clock.now()))).status,
    ).toBe(200);
    const overdue = await clara.get('/api/staff/reports?overdue=1');
    expect(overdue.json.rows.map((r: { id: number }) => r.id)).not.toContain(contactRow.report_id);
    expect(overdue.json.total).toBe(1);

    // Close: the contact details are deleted at once.
    expect((await clara.post(`/api/staff/reports/${id}/status`, { status: 'in_progress' })).status).toBe(200);
    expect((await clara.post(`/api/staff/reports/${id}/status`, { status: 'closed' })).status).toBe(200);
    expect(await server.database.db.selectFrom('report_contacts').selectAll().execute()).toEqual([]);
    expect((await clara.get(`/api/staff/reports/${id}`)).json.contact).toBeNull();
    expect((await postJson(api('/receipt/messages'), { receipt, body: 'Noch etwas.' })).status).toBe(409);

    // Retention: after the configured 24 months the text and messages go; the coded record stays.
    clock.advance(25 * 31 * 24 * 3600_000);
    const result = await runRetention({
      db: server.database.db,
      atomic: server.database.atomic,
      dialect: server.database.kind,
      clock,
      config: server.config,
    });
    expect(result.textsDeleted).toBe(1);
    const kept = await server.database.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(kept.description).toBe('');
    expect(kept.text_deleted_on).not.toBeNull();
    expect(kept.municipality).toBe('eschweiler');
    expect(
      await server.database.db.selectFrom('report_messages').selectAll().where('report_id', '=', id).execute(),
    ).toEqual([]);
    expect(
      await server.database.db.selectFrom('report_notes').selectAll().where('report_id', '=', id).execute(),
    ).toEqual([]);
    expect(
      (await server.database.db.selectFrom('report_codes').selectAll().where('report_id', '=', id).execute()).length,
    ).toBeGreaterThan(0);

    // An admin resets Clara's password: her sessions end, and the new one-time password must be changed.
    expect((await boss.login('leitung', STAFF_PASSWORD)).status).toBe(200);
    clock.advance(60_000);
    expect(
      (await clara.login('clara', STAFF_PASSWORD, currentTotpCode(enrolment.json.secret, clock.now()))).status,
    ).toBe(200);
    expect((await clara.get('/api/staff/session')).status).toBe(200);
    const reset = await boss.post(`/api/staff/users/${created.json.id}/password`);
    expect(reset.status).toBe(200);
    expect((await clara.get('/api/staff/session')).json.error.code).toBe('errors.session_required');
    const again = new StaffClient(server.url);
    clock.advance(60_000);
    const relogin = await again.login(
      'clara',
      reset.json.oneTimePassword,
      currentTotpCode(enrolment.json.secret, clock.now()),
    );
    expect(relogin.json.user.mustChangePassword).toBe(true);
    expect((await again.get('/api/staff/reports')).status).toBe(403);

    // The audit log saw all of it, and holds no report text.
    const audit = await server.database.db.selectFrom('audit_log').selectAll().execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const action of [
      'login.success',
      'password.change',
      'user.create',
      'user.update',
      'totp.enrol',
      'report.view',
      'report.coding',
      'report.status',
      'report.assign',
      'report.reply',
      'retention.run',
    ])
      expect(actions, action).toContain(action);
    const dump = JSON.stringify(audit);
    for (const text of ['Vermieter', 'ratsuchend', 'Montags', 'Danke', 'Rathaus', 'Beratungsstelle'])
      expect(dump).not.toContain(text);
  });

  it('runs the retention job from the command line', async () => {
    const { execFileSync } = await import('node:child_process');
    if (backend !== 'sqlite') return;
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/retention/cli.ts'], {
      env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: `sqlite:${server.databaseFile}` },
      encoding: 'utf8',
    });
    expect(out).toMatch(
      /Retention \(24 months\): \d+ contact details, \d+ report texts and \d+ evidence files deleted\./,
    );
  });
});
