import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { auditQuerySchema, userCreateSchema, userUpdateSchema } from '../../shared/staff';
import type { AuditLog } from '../audit/log';
import { actorOf, type AuthService } from '../auth/service';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { parseQuery, positiveIdParam } from '../http/params';
import { noticeKeyFrom, parseStaffForm, redirectWithNotice } from '../staff/forms';
import type { StaffPageRenderer } from '../staff/pages';

/** The form sends "true"/"false" strings for the account switches; the JSON API sends booleans. */
const formSwitch = z
  .enum(['true', 'false'], { error: 'errors.invalid_choice' })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));
const userUpdateForm = z
  .object({ role: userUpdateSchema.shape.role, totpRequired: formSwitch, disabled: formSwitch })
  .strict();

/** Accounts and the audit log as pages, for admins. */
export function adminPageRoutes({
  auth,
  audit,
  renderPage,
}: {
  auth: AuthService;
  audit: AuditLog;
  renderPage: StaffPageRenderer;
}) {
  const users = async (
    c: Context<AppEnv>,
    extra: { oneTimePassword?: { username: string; password: string }; errors?: Record<string, string> } = {},
    status: 200 | 201 | 409 | 422 = 200,
  ) =>
    renderPage(
      c,
      'users',
      {
        users: await auth.listUsers(),
        currentUserId: c.var.staff.user.id,
        oneTimePassword: extra.oneTimePassword,
        errors: extra.errors ?? {},
        notice: noticeKeyFrom(c.req.query('notice')),
      },
      { titleKey: 'users.title', status },
    );

  const onUsersError = async (c: Context<AppEnv>, run: () => Promise<Response>) => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && (error.status === 422 || error.status === 409))
        return users(c, { errors: Object.keys(error.fields).length ? error.fields : { _: error.key } }, error.status);
      throw error;
    }
  };

  return new Hono<AppEnv>()
    .get('/staff/users', (c) => users(c))
    .post('/staff/users', (c) =>
      onUsersError(c, async () => {
        const input = await parseStaffForm(c, userCreateSchema);
        const { password } = await auth.createUser(actorOf(c.var.staff), input);
        // Shown in this response only; never redirected with it, never stored in clear.
        return users(c, { oneTimePassword: { username: input.username, password } }, 201);
      }),
    )
    .post('/staff/users/:id{[0-9]+}', (c) =>
      onUsersError(c, async () => {
        await auth.updateUser(actorOf(c.var.staff), positiveIdParam(c), await parseStaffForm(c, userUpdateForm));
        return redirectWithNotice(c, '/staff/users', 'notices.user_updated');
      }),
    )
    .post('/staff/users/:id{[0-9]+}/password', (c) =>
      onUsersError(c, async () => {
        const id = positiveIdParam(c);
        const { password } = await auth.resetPassword(actorOf(c.var.staff), id);
        const user = (await auth.listUsers()).find((u) => u.id === id)!;
        return users(c, { oneTimePassword: { username: user.username, password } });
      }),
    )
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
