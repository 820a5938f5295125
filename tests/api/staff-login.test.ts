import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/auth/bootstrap';
import { nativeArgon2id } from '../../server/auth/native-argon2';
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_NAME } from '../../server/auth/login-limits';
import { nodeBackends } from '../helpers/backends';
import { fixedClock, startTestServer, type TestServer } from '../helpers/server';
import { currentTotpCode, signedInStaff, STAFF_PASSWORD, StaffClient } from '../helpers/staff';

describe.each(nodeBackends())('staff sign-in that strangers cannot turn against staff, on %s', (backend) => {
  const clock = fixedClock('2026-11-02T09:00:00.000Z');
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend, clock, env: { TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A sign-in from an address behind the office's proxy. */
  const login = (username: string, password: string, address: string) =>
    new StaffClient(server.url).request('POST', '/api/staff/session', {
      json: { username, password },
      headers: { 'x-forwarded-for': address },
    });

  it('makes a stranger who types wrong passwords for a name wait, and lets its owner in', async () => {
    await signedInStaff(server, 'caseworker', 'dora', clock);
    for (let i = 1; i < LOGIN_MAX_FAILURES; i++)
      expect((await login('dora', `wrong password ${i}`, '203.0.113.66')).status).toBe(401);
    const waiting = await login('dora', 'wrong again', '203.0.113.66');
    expect(waiting.status).toBe(429);
    expect(waiting.json.error.code).toBe('errors.login_throttled');
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits from there: the stranger may have guessed it.
    expect((await login('dora', STAFF_PASSWORD, '203.0.113.66')).status).toBe(429);
    // Dora, at her desk, signs in as always.
    expect((await login('dora', STAFF_PASSWORD, '192.0.2.10')).status).toBe(200);
    clock.advance(16 * 60_000);
    expect((await login('dora', STAFF_PASSWORD, '203.0.113.66')).status).toBe(200);
  });

  it('locks a name tried from many addresses, but not for a client that signed in with it before', async () => {
    await signedInStaff(server, 'caseworker', 'emil', clock);
    expect((await login('emil', STAFF_PASSWORD, '192.0.2.20')).status).toBe(200);
    const attackers = Array.from({ length: LOGIN_MAX_FAILURES_PER_NAME / 5 }, (_, i) => `198.51.100.${i + 1}`);
    for (const address of attackers) for (let i = 0; i < 5; i++) await login('emil', `guess ${address} ${i}`, address);
    const locked = await login('emil', STAFF_PASSWORD, '192.0.2.99');
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('errors.login_locked');
    expect((await login('emil', STAFF_PASSWORD, '192.0.2.20')).status).toBe(200);
  });

  it('names the first admin as set up, or generates a name nobody guesses', async () => {
    const named = await startTestServer({ backend, clock, env: { FIRST_ADMIN_NAME: 'leitung.ki' } });
    try {
      const first = await ensureFirstAdmin(named.database.db, clock, named.config, nativeArgon2id);
      expect(first?.username).toBe('leitung.ki');
    } finally {
      await named.close();
    }
    const generated = await startTestServer({ backend, clock });
    try {
      const first = await ensureFirstAdmin(generated.database.db, clock, generated.config, nativeArgon2id);
      expect(first?.username).toMatch(/^admin-[a-z0-9]{6}$/);
    } finally {
      await generated.close();
    }
  });

  it('asks for the password before two-factor sign-in is set up or switched off', async () => {
    const fritz = await signedInStaff(server, 'caseworker', 'fritz', clock);
    const enrolment = await fritz.post('/api/staff/totp');
    const code = () => currentTotpCode(enrolment.json.secret, clock.now());
    const without = await fritz.post('/api/staff/totp/confirm', { pending: enrolment.json.pending, code: code() });
    expect(without.status).toBe(422);
    const wrong = await fritz.post('/api/staff/totp/confirm', {
      pending: enrolment.json.pending,
      code: code(),
      password: 'not my password at all',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields.password).toBe('Das aktuelle Passwort stimmt nicht.');
    const right = await fritz.post('/api/staff/totp/confirm', {
      pending: enrolment.json.pending,
      code: code(),
      password: STAFF_PASSWORD,
    });
    expect(right.status).toBe(200);

    const offWithout = await fritz.request('POST', '/staff/account/totp/disable', {
      form: [['_csrf', fritz.csrfToken]],
      csrf: false,
    });
    expect(offWithout.status).toBe(422);
    expect(offWithout.text).toContain('Das aktuelle Passwort stimmt nicht');
    expect((await fritz.get('/api/staff/session')).json.user.totpEnrolled).toBe(true);
    const off = await fritz.request('POST', '/staff/account/totp/disable', {
      form: [
        ['_csrf', fritz.csrfToken],
        ['password', STAFF_PASSWORD],
      ],
      csrf: false,
    });
    expect(off.status).toBe(303);
    expect((await fritz.get('/api/staff/session')).json.user.totpEnrolled).toBe(false);
  });
});
