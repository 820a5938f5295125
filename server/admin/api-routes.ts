import { Hono } from 'hono';
import { auditQuerySchema, userCreateSchema, userUpdateSchema } from '../../shared/staff';
import type { AuditLog } from '../audit/log';
import { actorOf, type AuthService } from '../auth/service';
import type { AppEnv } from '../http/env';
import { parseJsonBody } from '../http/json-body';
import { parseQuery, positiveIdParam } from '../http/params';

/** Accounts and the audit log, for admins, as JSON. */
export function adminApiRoutes({ auth, audit }: { auth: AuthService; audit: AuditLog }) {
  return new Hono<AppEnv>()
    .get('/api/staff/users', async (c) => c.json({ users: await auth.listUsers() }))
    .post('/api/staff/users', async (c) => {
      const created = await auth.createUser(actorOf(c.var.staff), await parseJsonBody(c, userCreateSchema));
      return c.json({ id: created.id, oneTimePassword: created.password }, 201);
    })
    .patch('/api/staff/users/:id{[0-9]+}', async (c) => {
      await auth.updateUser(actorOf(c.var.staff), positiveIdParam(c), await parseJsonBody(c, userUpdateSchema));
      return c.json({ updated: true });
    })
    .post('/api/staff/users/:id{[0-9]+}/password', async (c) => {
      const { password } = await auth.resetPassword(actorOf(c.var.staff), positiveIdParam(c));
      return c.json({ oneTimePassword: password });
    })
    .get('/api/staff/audit', async (c) => {
      const query = parseQuery(c, auditQuerySchema);
      const { entries, hasMore } = await audit.list(query);
      return c.json({
        entries: entries.map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown })),
        page: query.page,
        hasMore,
      });
    });
}
