import { authServiceFor } from '../../server/auth/bootstrap';
import { nativeArgon2id } from '../../server/auth/native-argon2';
import { currentTotpCode } from '../../server/auth/totp';
import type { Clock } from '../../server/clock';
import { systemClock } from '../../server/clock';
import type { StaffRole } from '../../shared/staff';
import type { TestServer } from './server';

export const STAFF_PASSWORD = 'a long and unguessable sentence 42';

/** A staff member's browser-less client: keeps the session cookie and the CSRF token, like a browser would. */
export class StaffClient {
  cookie = '';
  csrfToken = '';
  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: { json?: unknown; form?: [string, string][]; csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrfToken && !['GET', 'HEAD'].includes(method))
      headers['x-csrf-token'] = this.csrfToken;
    let body: string | URLSearchParams | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json);
    } else if (options.form) body = new URLSearchParams(options.form);
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    const session = setCookie?.match(/meldestelle_staff=([^;]*)/);
    if (session) this.cookie = session[1] ? `meldestelle_staff=${session[1]}` : '';
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, json: unknown = {}) => this.request('POST', path, { json });

  async login(username: string, password: string, totp?: string) {
    const res = await this.post('/api/staff/session', { username, password, ...(totp ? { totp } : {}) });
    if (res.status === 200) this.csrfToken = res.json.csrfToken;
    return res;
  }
}

/**
 * A staff account ready to work: created as an admin would (one-time password), signed in, password changed.
 * Returns the signed-in client.
 */
export async function signedInStaff(
  server: TestServer,
  role: StaffRole,
  username = `${role}-${Math.random().toString(36).slice(2, 8)}`,
  clock: Clock = systemClock,
) {
  const password =
    server.backend === 'worker'
      ? await createThroughFirstAdmin(server, { username, displayName: `Test ${role}`, role })
      : (
          await authServiceFor(server.database.db, clock, server.config, nativeArgon2id).createUser(
            { id: null, name: 'test' },
            { username, displayName: `Test ${role}`, role },
          )
        ).password;
  const client = new StaffClient(server.url);
  const login = await client.login(username, password);
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  const changed = await client.post('/api/staff/password', {
    current: password,
    next: STAFF_PASSWORD,
    confirm: STAFF_PASSWORD,
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.text}`);
  return Object.assign(client, { username });
}

/**
 * On the Worker nothing can be reached in-process: accounts are made as an office would make them, by the
 * first admin (whose one-time password the Worker printed) through the API.
 */
const firstAdmins = new WeakMap<object, Promise<StaffClient>>();
async function createThroughFirstAdmin(
  server: TestServer,
  user: { username: string; displayName: string; role: StaffRole },
): Promise<string> {
  const output = (server as unknown as { output(): string }).output;
  if (!firstAdmins.has(server)) {
    firstAdmins.set(
      server,
      (async () => {
        let found: RegExpExecArray | null = null;
        for (let i = 0; i < 100 && !found; i++) {
          found = /First admin: user "([^"]+)", one-time password (\S+),/.exec(output());
          if (!found) await new Promise((r) => setTimeout(r, 100));
        }
        if (!found) throw new Error('the Worker printed no first admin');
        const admin = new StaffClient(server.url);
        const [, name, password] = found;
        await admin.login(name!, password!);
        await admin.post('/api/staff/password', { current: password, next: STAFF_PASSWORD, confirm: STAFF_PASSWORD });
        const again = await admin.login(name!, STAFF_PASSWORD);
        if (again.status !== 200) throw new Error(`first admin login failed: ${again.text}`);
        return admin;
      })(),
    );
  }
  const admin = await firstAdmins.get(server)!;
  const created = await admin.post('/api/staff/users', user);
  if (created.status !== 201) throw new Error(`creating ${user.username} failed: ${created.text}`);
  return created.json.oneTimePassword;
}

export { currentTotpCode };
