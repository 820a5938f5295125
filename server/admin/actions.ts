import { userCreateSchema, userUpdateSchema } from '../../shared/staff';
import { ADMIN } from '../auth/roles';
import { staffAction, type ResultPage } from '../staff/action';
import { renderUsersPage } from './page-routes';

/** The one-time password is shown in the answer to the form only: never in a redirect, never stored in clear. */
const showOneTimePassword =
  (status: 200 | 201): ResultPage<unknown, { username: string; password: string }> =>
  (c, { renderPage, services }, oneTimePassword) =>
    renderUsersPage(c, { auth: services.auth, renderPage }, { oneTimePassword }, status);

/** Accounts, for admins: each a form on the accounts page and a JSON route. */
export const ACCOUNT_ACTIONS = [
  staffAction({
    summary: 'Create an account; answers its one-time password, to be changed at first login',
    method: 'POST',
    path: 'users',
    roles: ADMIN,
    input: userCreateSchema,
    run: async ({ services, actor }, input) => {
      const { id, password } = await services.auth.createUser(actor, input);
      return { id, username: input.username, password };
    },
    answer: ({ id, password }) => ({ id, oneTimePassword: password }),
    created: true,
    page: { back: () => '/staff/users', show: showOneTimePassword(201) },
  }),
  staffAction({
    summary: "Change an account's role, whether it must use TOTP, or disable it",
    method: 'PATCH',
    path: 'users/:id{[0-9]+}',
    roles: ADMIN,
    input: userUpdateSchema,
    run: ({ services, actor, ids }, changes) => services.auth.updateUser(actor, ids.id!, changes),
    answer: () => ({ updated: true }),
    page: { back: () => '/staff/users', notice: () => 'notices.user_updated' },
  }),
  staffAction({
    summary: "Reset an account's password: its sessions end, and it gets a new one-time password",
    method: 'POST',
    path: 'users/:id{[0-9]+}/password',
    roles: ADMIN,
    run: async ({ services, actor, ids }) => {
      const { password } = await services.auth.resetPassword(actor, ids.id!);
      const user = (await services.auth.listUsers()).find((u) => u.id === ids.id)!;
      return { username: user.username, password };
    },
    answer: ({ password }) => ({ oneTimePassword: password }),
    page: { back: () => '/staff/users', show: showOneTimePassword(200) },
  }),
];
