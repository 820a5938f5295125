import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';
import { Flash, PostForm, TextInput } from '../components/forms';

export interface AccountProps {
  username: string;
  mustChangePassword: boolean;
  totpRequired: boolean;
  totpEnrolled: boolean;
  /** A started TOTP enrolment: the secret for the app, its QR code, and the sealed secret for the form. */
  enrolment?: { secret: string; qrSvg: string; pending: string } | undefined;
  errors?: Record<string, string>;
  notice?: string | undefined;
}

/** One's own account: password, authenticator app. First stop after the first login. */
export function AccountPage(props: AccountProps) {
  const { t } = useStaffPage();
  const { mustChangePassword, totpRequired, totpEnrolled, enrolment, errors = {}, notice } = props;
  return (
    <StaffLayout title={t('account.title')}>
      <Flash notice={notice} />
      {mustChangePassword && (
        <p class="notice warn" role="status">
          {t('account.must_change')}
        </p>
      )}
      {!mustChangePassword && totpRequired && !totpEnrolled && (
        <p class="notice warn" role="status">
          {t('account.totp_required')}
        </p>
      )}
      <div class="columns">
        <section class="card" aria-labelledby="password-title">
          <h2 id="password-title">{t('account.password_title')}</h2>
          <PostForm action="/staff/account/password">
            <TextInput
              name="current"
              type="password"
              label={t('account.current')}
              autocomplete="current-password"
              error={errors.current}
              required
            />
            <TextInput
              name="next"
              type="password"
              label={t('account.next')}
              hint={t('account.next_hint')}
              autocomplete="new-password"
              error={errors.next}
              required
            />
            <TextInput
              name="confirm"
              type="password"
              label={t('account.confirm')}
              autocomplete="new-password"
              error={errors.confirm}
              required
            />
            <p class="actions">
              <button type="submit" class="button primary">
                {t('account.change_password')}
              </button>
            </p>
          </PostForm>
        </section>
        {!mustChangePassword && (
          <section class="card" aria-labelledby="totp-title">
            <h2 id="totp-title">{t('account.totp_title')}</h2>
            {totpEnrolled ? (
              <>
                <p>{t('account.totp_on')}</p>
                {!totpRequired && (
                  <PostForm action="/staff/account/totp/disable">
                    <CurrentPassword error={errors.password} />
                    <button type="submit" class="button">
                      {t('account.totp_disable')}
                    </button>
                  </PostForm>
                )}
              </>
            ) : enrolment ? (
              <PostForm action="/staff/account/totp">
                <p>{t('account.totp_scan')}</p>
                <img
                  class="qr"
                  src={`data:image/svg+xml;base64,${btoaUtf8(enrolment.qrSvg)}`}
                  alt={t('account.totp_qr_alt')}
                  width={200}
                  height={200}
                />
                <p>
                  {t('account.totp_manual')} <code class="secret">{enrolment.secret.match(/.{1,4}/g)!.join(' ')}</code>
                </p>
                <input type="hidden" name="pending" value={enrolment.pending} />
                <TextInput
                  name="code"
                  label={t('account.totp_code')}
                  autocomplete="one-time-code"
                  inputMode="numeric"
                  error={errors.code}
                  required
                />
                <CurrentPassword error={errors.password} />
                <p class="actions">
                  <button type="submit" class="button primary">
                    {t('account.totp_confirm')}
                  </button>
                </p>
              </PostForm>
            ) : (
              <>
                <p>{t('account.totp_off')}</p>
                <PostForm action="/staff/account/totp">
                  <button type="submit" class="button primary">
                    {t('account.totp_start')}
                  </button>
                </PostForm>
              </>
            )}
          </section>
        )}
      </div>
    </StaffLayout>
  );
}

/** A change to the second factor asks for the password again. */
function CurrentPassword({ error }: { error: string | undefined }) {
  const { t } = useStaffPage();
  return (
    <TextInput
      name="password"
      type="password"
      label={t('account.current')}
      autocomplete="current-password"
      error={error}
      required
    />
  );
}

/** Server-side only (staff pages are not hydrated): Node's Buffer encodes the SVG. */
function btoaUtf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
