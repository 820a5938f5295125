import type { ComponentChildren } from 'preact';
import type { StaffRole } from '../../../shared/staff';
import type { StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { PostForm } from './forms';

const NAV: { href: string; key: StaffMessageKey; roles: readonly StaffRole[] }[] = [
  { href: '/staff/inbox', key: 'nav.inbox', roles: ['admin', 'caseworker'] },
  { href: '/staff/reports/new', key: 'nav.new_report', roles: ['admin', 'caseworker'] },
  { href: '/staff/notifications', key: 'nav.notifications', roles: ['admin', 'caseworker'] },
  { href: '/staff/statistics', key: 'nav.statistics', roles: ['admin', 'caseworker', 'analyst'] },
  { href: '/staff/users', key: 'nav.users', roles: ['admin'] },
  { href: '/staff/settings', key: 'nav.settings', roles: ['admin'] },
  { href: '/staff/audit', key: 'nav.audit', roles: ['admin'] },
  { href: '/staff/account', key: 'nav.account', roles: ['admin', 'caseworker', 'analyst'] },
];

/** The back office frame: who is signed in, where to go, how to leave. Wide, but never wider than the screen. */
export function StaffLayout({ title, children }: { title: string; children: ComponentChildren }) {
  const { t, user, path, locale } = useStaffPage();
  const other = locale === 'de' ? 'en' : 'de';
  return (
    <>
      <a class="skip-link" href="#main">
        {t('staff.skip_to_content')}
      </a>
      <header class="staff-header">
        <a class="brand" href="/staff">
          {t('staff.app_name')}
        </a>
        {user && !user.setupPending && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
                <li key={n.href}>
                  <a href={n.href} aria-current={path.startsWith(n.href) ? 'page' : undefined}>
                    {t(n.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div class="staff-user">
          {user ? (
            <>
              <span>
                {user.name} ({t(`staff_role.${user.role}`)})
              </span>
              <PostForm action="/staff/account/locale" class="inline-form">
                <input type="hidden" name="locale" value={other} />
                <button type="submit" class="link-button" lang={other}>
                  {other === 'en' ? 'English' : 'Deutsch'}
                </button>
              </PostForm>
              <PostForm action="/staff/logout" class="inline-form">
                <button type="submit" class="button small">
                  {t('nav.logout')}
                </button>
              </PostForm>
            </>
          ) : (
            <a href={`?lang=${other}`} lang={other}>
              {other === 'en' ? 'English' : 'Deutsch'}
            </a>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} class="staff-main">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
