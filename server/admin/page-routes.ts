import { Hono, type Context } from 'hono';
import { auditQuerySchema } from '../../shared/staff';
import type { AuditLog } from '../audit/log';
import type { AuthService } from '../auth/service';
import type { AppEnv } from '../http/env';
import { parseQuery } from '../http/params';
import { noticeKeyFrom } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';

/** The accounts page; after creating or resetting, with the one-time password shown once. */
export async function renderUsersPage(
  c: Context<AppEnv>,
  { auth, renderPage }: { auth: AuthService; renderPage: StaffPageRenderer },
  extra: { oneTimePassword?: { username: string; password: string } } = {},
  status: 200 | 201 = 200,
) {
  const error = noticeKeyFrom(c.req.query('error'));
  return renderPage(
    c,
    'users',
    {
      users: await auth.listUsers(),
      currentUserId: c.var.staff.user.id,
      oneTimePassword: extra.oneTimePassword,
      errors: error ? { _: error } : {},
      notice: noticeKeyFrom(c.req.query('notice')),
    },
    { titleKey: 'users.title', status },
  );
}

/** Accounts and the audit log as pages, for admins; what changes them is in ./actions.ts. */
export function adminPageRoutes({
  auth,
  audit,
  renderPage,
}: {
  auth: AuthService;
  audit: AuditLog;
  renderPage: StaffPageRenderer;
}) {
  return new Hono<AppEnv>()
    .get('/staff/users', (c) => renderUsersPage(c, { auth, renderPage }))
    .get('/staff/audit', async (c) => {
      const filter = parseQuery(c, auditQuerySchema);
      const { entries, hasMore } = await audit.list(filter);
      const filterQuery = new URLSearchParams(
        Object.entries(filter)
          .filter(([k, v]) => k !== 'page' && v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ).toString();
      return renderPage(
        c,
        'audit',
        { entries, filter, page: filter.page, hasMore, filterQuery },
        { titleKey: 'audit.title' },
      );
    });
}
