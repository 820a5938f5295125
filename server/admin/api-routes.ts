import { Hono } from 'hono';
import { auditQuerySchema } from '../../shared/staff';
import type { AuditLog } from '../audit/log';
import type { AuthService } from '../auth/service';
import type { AppEnv } from '../http/env';
import { parseQuery } from '../http/params';

/** Accounts and the audit log, for admins, as JSON; what changes them is in ./actions.ts. */
export function adminApiRoutes({ auth, audit }: { auth: AuthService; audit: AuditLog }) {
  return new Hono<AppEnv>()
    .get('/api/staff/users', async (c) => c.json({ users: await auth.listUsers() }))
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
