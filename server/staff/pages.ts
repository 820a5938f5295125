import type { Context } from 'hono';
import type { ClientAssets } from '../../web/assets';
import type { StaffMessageKey } from '../../shared/i18n/staff/catalog';
import { renderStaffDocument } from '../../web/staff/render';
import type { StaffPageName, StaffPropsOf } from '../../web/staff/pages';
import type { AppEnv } from '../http/env';

export interface StaffPageOptions {
  titleKey: StaffMessageKey;
  status?: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;
}

/** The one way a staff route answers with a page: the staff layout, the signed-in person, the CSRF token. */
export function createStaffPageRenderer({
  assets,
  officeName,
  demo,
}: {
  assets: ClientAssets;
  officeName: string;
  /** A demo portal (server/demo/): every staff page says so, the login included. */
  demo?: boolean | undefined;
}) {
  return function renderStaffPage<N extends StaffPageName>(
    c: Context<AppEnv>,
    page: N,
    props: StaffPropsOf<N>,
    options: StaffPageOptions,
  ) {
    const principal = c.var.staff;
    const html = renderStaffDocument(
      {
        page,
        props,
        base: {
          locale: c.var.staffLocale,
          officeName,
          path: c.req.path,
          user: principal
            ? {
                name: principal.user.displayName,
                role: principal.user.role,
                setupPending: setupPending(principal.user),
              }
            : null,
          csrfToken: principal?.csrfToken ?? '',
        },
        title: `${c.var.st(options.titleKey)} – ${c.var.st('staff.app_name')}`,
        ...(demo ? { banner: c.var.st('staff.demo_banner') } : {}),
      },
      assets,
    );
    return c.html(html, options.status ?? 200);
  };
}
export type StaffPageRenderer = ReturnType<typeof createStaffPageRenderer>;

/** The login page sets its own double-submit cookie, so it is rendered by the auth routes. */
export type LoginRenderer = (
  c: Context<AppEnv>,
  options: { error?: string; next?: string; username?: string; status?: 200 | 401 | 403 | 422 | 429 },
) => Response | Promise<Response>;

function setupPending(user: { mustChangePassword: boolean; totpRequired: boolean; totpEnrolled: boolean }) {
  return user.mustChangePassword || (user.totpRequired && !user.totpEnrolled);
}
