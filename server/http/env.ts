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
    /** Set on posts that store what a reporter wrote: whether the proof of work was solved (server/intake). */
    intake: { verified: boolean };
  };
}

export type AppContext = Context<AppEnv>;
