import type { Context } from 'hono';
import type { Locale } from '../../shared/locales';
import type { Translate } from '../../web/i18n/translate';

/** Per-request values every handler may read from `c.var`. */
export interface AppEnv {
  Variables: {
    locale: Locale;
    t: Translate;
  };
}

export type AppContext = Context<AppEnv>;
