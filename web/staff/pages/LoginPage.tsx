import { translateStaffKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { TextInput } from '../components/forms';

export interface LoginProps {
  /** The double-submit token matching the login cookie. */
  loginCsrf: string;
  error?: string | undefined;
  next?: string | undefined;
  username?: string | undefined;
}

/** One form for name, password and (when enrolled) the authenticator code. */
export function LoginPage({ loginCsrf, error, next, username }: LoginProps) {
  const { t } = useStaffPage();
  return (
    <StaffLayout title={t('login.title')}>
      <div class="narrow card">
        {error && (
          <p class="error-summary" role="alert" id="login-error">
            {translateStaffKey(t, error)}
          </p>
        )}
        <form method="post" action="/staff/login" aria-describedby={error ? 'login-error' : undefined}>
          <input type="hidden" name="_login_csrf" value={loginCsrf} />
          {next && <input type="hidden" name="next" value={next} />}
          <TextInput name="username" label={t('login.username')} autocomplete="username" value={username} required />
          <TextInput
            name="password"
            type="password"
            label={t('login.password')}
            autocomplete="current-password"
            required
          />
          <TextInput
            name="totp"
            label={t('login.totp')}
            hint={t('login.totp_hint')}
            autocomplete="one-time-code"
            inputMode="numeric"
          />
          <p class="actions">
            <button type="submit" class="button primary">
              {t('login.submit')}
            </button>
          </p>
        </form>
      </div>
    </StaffLayout>
  );
}
