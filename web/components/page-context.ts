import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../../shared/locales';
import { createTranslator, type Messages, type Translate } from '../../shared/i18n/translate';

/** The office as a page shows it: already in the page's language. */
export interface PublicOffice {
  name: string;
  region: string;
  municipalities: { code: string; name: string }[];
  emergency: { number: string; label: string }[];
  counselling: { name: string; description: string; phone?: string; url?: string }[];
  quickExitUrl: string;
}

/** What every page gets from the server, besides its own props; serialised into the page for hydration. */
export interface PageBase {
  locale: Locale;
  messages: Messages;
  office: PublicOffice;
  /** This page's path without the locale prefix, for the language switcher. */
  switchPath: string;
  locales: Locale[];
}

export interface PageContextValue extends PageBase {
  t: Translate;
  href: (path: string) => string;
}

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const ctx = useContext(PageContext);
  if (!ctx) throw new Error('usePage outside a page');
  return ctx;
}

export function pageContextValue(base: PageBase): PageContextValue {
  return {
    ...base,
    t: createTranslator([{ locale: base.locale, messages: base.messages }]),
    href: (path) => `/${base.locale}${path}`,
  };
}
