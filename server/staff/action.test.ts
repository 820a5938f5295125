import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { actionAccess, staffAction, staffActionRoutes, type StaffServices } from './action';
import type { StaffPageRenderer } from './pages';

const calls: unknown[] = [];
const flag = staffAction({
  summary: 'Flag a report',
  method: 'POST',
  path: 'reports/:id{[0-9]+}/flag',
  roles: ['admin', 'caseworker'],
  input: z.object({ colour: z.enum(['red', 'green'], { error: 'errors.invalid_choice' }) }).strict(),
  run: async ({ ids, actor }, { colour }) => {
    if (ids.id === 404) throw new AppError(409, 'errors.case_changed');
    calls.push({ id: ids.id, actor: actor.name, colour });
    return { colour };
  },
  answer: (result) => result,
  created: true,
  page: { back: ({ ids }) => `/staff/reports/${ids.id}`, notice: () => 'notices.coded' },
});
const unflag = staffAction({
  summary: 'Remove a flag',
  method: 'DELETE',
  path: 'reports/:id{[0-9]+}/flag',
  roles: ['admin'],
  run: async () => undefined,
  answer: () => ({ removed: true }),
  page: { back: ({ ids }) => `/staff/reports/${ids.id}` },
});

const app = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    c.set('staff', { user: { id: 3, username: 'clara' } } as AppEnv['Variables']['staff']);
    await next();
  })
  .route('/', staffActionRoutes([flag, unflag], {} as StaffServices, (() => null) as unknown as StaffPageRenderer))
  .onError((error, c) =>
    error instanceof AppError ? c.json({ code: error.key, fields: error.fields }, error.status) : c.text('bug', 500),
  );

describe('a staff action declared once', () => {
  it('is a JSON route under /api/staff with the answer it declares', async () => {
    const res = await app.request('/api/staff/reports/7/flag', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ colour: 'red' }),
    });
    expect([res.status, await res.json()]).toEqual([201, { colour: 'red' }]);
    expect(calls.at(-1)).toEqual({ id: 7, actor: 'clara', colour: 'red' });
  });

  it('is a form under /staff that goes back with a notice, or with the error it was refused for', async () => {
    const form = (path: string, body: string) =>
      app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const done = await form('/staff/reports/7/flag', 'colour=green&_csrf=x');
    expect([done.status, done.headers.get('location')]).toEqual([303, '/staff/reports/7?notice=notices.coded']);
    const invalid = await form('/staff/reports/7/flag', 'colour=blue&_csrf=x');
    expect(invalid.headers.get('location')).toBe('/staff/reports/7?error=errors.invalid_choice');
    const refused = await form('/staff/reports/404/flag', 'colour=red&_csrf=x');
    expect(refused.headers.get('location')).toBe('/staff/reports/404?error=errors.case_changed');
  });

  it('turns a DELETE into a form posted to …/delete', async () => {
    expect((await app.request('/api/staff/reports/7/flag', { method: 'DELETE' })).status).toBe(200);
    const page = await app.request('/staff/reports/7/flag/delete', { method: 'POST' });
    expect(page.headers.get('location')).toBe('/staff/reports/7');
  });

  it('gives both of its routes the roles it declares', () => {
    expect(actionAccess([flag, unflag])).toEqual({
      'POST /api/staff/reports/:id{[0-9]+}/flag': { roles: ['admin', 'caseworker'] },
      'POST /staff/reports/:id{[0-9]+}/flag': { roles: ['admin', 'caseworker'] },
      'DELETE /api/staff/reports/:id{[0-9]+}/flag': { roles: ['admin'] },
      'POST /staff/reports/:id{[0-9]+}/flag/delete': { roles: ['admin'] },
    });
  });
});
