import type { OfficeSettings } from '../office/settings';
import type { Context } from 'hono';
import type { Locale } from '../../shared/locales';
import type { StaffLocale } from '../../shared/staff';
import type { StaffTranslate } from '../../shared/i18n/staff/catalog';
import type { Translate } from '../../shared/i18n/translate';
import type { StaffPrincipal } from '../auth/service';

/** Per-request values every handler may read from `c.var`. */
export interface AppEnv {
  Variables: {
    locale: Locale;
    t: Translate;
    /** Set by the staff access middleware on every staff route but the login. */
    staff: StaffPrincipal;
    staffLocale: StaffLocale;
    st: StaffTranslate;
    /** The office's settings as they are now (server/office/settings.ts): set on every request. */
    officeSettings: OfficeSettings;
    /** Set on posts that store what a reporter wrote: whether the proof of work was solved (server/intake). */
    intake: { verified: boolean };
    /** Set on posts that carry files: whether the intake refuses them for now (server/intake/guard.ts). */
    uploads: { refused: boolean; retryAfterSeconds: number };
  };
}

export type AppContext = Context<AppEnv>;
