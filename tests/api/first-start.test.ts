import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../helpers/process';
import { StaffClient } from '../helpers/staff';

let running: ServerProcess | undefined;
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
});

describe('the first start on an empty database', () => {
  it('creates the first admin once, prints a one-time password and the login address, and logs neither', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-first-'));
    running = await startServerProcess({ DATA_DIR: dataDir, LOG_REQUESTS: 'true' });
    const printed = running.output().match(/One-time password \(change it at first login\): (\S+)/);
    expect(printed).not.toBeNull();
    expect(running.output()).toContain('/staff/login');
    const password = printed![1]!;
    // Not "admin": a name nobody can guess, printed once beside the password.
    const name = running.output().match(/created the admin account "([^"]+)"/)![1]!;
    expect(name).toMatch(/^admin-[a-z0-9]{6}$/);

    const admin = new StaffClient(running.url);
    expect((await admin.login('admin', password)).status).toBe(401);
    const login = await admin.login(name, password);
    expect(login.status).toBe(200);
    expect(login.json.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    const jsonLines = running
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(0);
    expect(jsonLines.join('\n')).not.toContain(password);
    expect(fs.readFileSync(path.join(dataDir, 'encryption-key'), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(path.join(dataDir, 'encryption-key')).mode & 0o077).toBe(0);

    await running.stop('SIGTERM');
    running = await startServerProcess({ DATA_DIR: dataDir });
    expect(running.output()).not.toContain('One-time password');
  });

  it('creates another admin with npm run admin:create', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meldestelle-admin-'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/auth/admin-cli.ts', '--username', 'berta'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(out).toMatch(/Admin "berta" created/);
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'server/auth/admin-cli.ts', '--username', 'Bad Name!'], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
        stdio: 'pipe',
      }),
    ).toThrow(/--username/);
  });
});
