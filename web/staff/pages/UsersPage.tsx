import { STAFF_ROLES } from '../../../shared/staff';
import type { StaffUser } from '../../../shared/staff-views';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { Flash, PostForm, TextInput } from '../components/forms';

export interface UsersProps {
  users: StaffUser[];
  currentUserId: number;
  /** Shown once, right after creating or resetting: it is stored nowhere but as a hash. */
  oneTimePassword?: { username: string; password: string } | undefined;
  errors?: Record<string, string>;
  notice?: string | undefined;
}

export function UsersPage({ users, currentUserId, oneTimePassword, errors = {}, notice }: UsersProps) {
  const { t } = useStaffPage();
  return (
    <StaffLayout title={t('users.title')}>
      <Flash notice={notice} error={errors._} />
      {oneTimePassword && (
        <div class="notice" role="status">
          <p>{t('users.one_time_password', { username: oneTimePassword.username })}</p>
          <p>
            <code class="secret">{oneTimePassword.password}</code>
          </p>
          <p class="hint">{t('users.one_time_password_hint')}</p>
        </div>
      )}
      <table class="users">
        <caption class="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.totp')}</th>
            <th scope="col">{t('users.state')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.displayName}
                <br />
                <span class="muted">{u.username}</span>
              </td>
              <td>
                <PostForm
                  action={`/staff/users/${u.id}`}
                  class="inline-form"
                  label={t('users.role_of', { name: u.username })}
                >
                  <label class="visually-hidden" for={`role-${u.id}`}>
                    {t('users.role')}
                  </label>
                  <select id={`role-${u.id}`} name="role" disabled={u.id === currentUserId}>
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r} selected={r === u.role}>
                        {t(`staff_role.${r}`)}
                      </option>
                    ))}
                  </select>
                  {u.id !== currentUserId && (
                    <button type="submit" class="button small">
                      {t('users.save')}
                    </button>
                  )}
                </PostForm>
              </td>
              <td>
                {u.totpEnrolled ? t('users.totp_on') : t('users.totp_off')}
                <PostForm action={`/staff/users/${u.id}`} class="inline-form">
                  <input type="hidden" name="totpRequired" value={u.totpRequired ? 'false' : 'true'} />
                  <button type="submit" class="link-button">
                    {u.totpRequired ? t('users.totp_unrequire') : t('users.totp_require')}
                  </button>
                </PostForm>
              </td>
              <td>
                {u.disabled ? t('users.disabled') : u.mustChangePassword ? t('users.must_change') : t('users.active')}
              </td>
              <td class="row-actions">
                <PostForm action={`/staff/users/${u.id}/password`} class="inline-form">
                  <button type="submit" class="button small">
                    {t('users.reset_password')}
                  </button>
                </PostForm>
                {u.id !== currentUserId && (
                  <PostForm action={`/staff/users/${u.id}`} class="inline-form">
                    <input type="hidden" name="disabled" value={u.disabled ? 'false' : 'true'} />
                    <button type="submit" class="button small">
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </button>
                  </PostForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section class="card narrow" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('users.new_title')}</h2>
        <PostForm action="/staff/users">
          <TextInput
            name="username"
            label={t('users.username')}
            hint={t('users.username_hint')}
            error={errors.username}
            required
          />
          <TextInput name="displayName" label={t('users.display_name')} error={errors.displayName} required />
          <div class="field">
            <label for="role">{t('users.role')}</label>
            <select id="role" name="role">
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r} selected={r === 'caseworker'}>
                  {t(`staff_role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button primary">
            {t('users.create')}
          </button>
        </PostForm>
      </section>
    </StaffLayout>
  );
}
