import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StaffLocale, StaffRole } from '../../shared/staff';
import { staffTranslatorFor, type StaffTranslate } from '../../shared/i18n/staff/catalog';

/** What every staff page gets besides its own props. Staff pages are never hydrated: plain forms only. */
export interface StaffPageBase {
  locale: StaffLocale;
  officeName: string;
  /** The current path, for the navigation's aria-current. */
  path: string;
  user: { name: string; role: StaffRole; setupPending: boolean } | null;
  /** The session's CSRF token, put into every form. */
  csrfToken: string;
}

export interface StaffPageContextValue extends StaffPageBase {
  t: StaffTranslate;
}

export const StaffPageContext = createContext<StaffPageContextValue | null>(null);

export function useStaffPage(): StaffPageContextValue {
  const ctx = useContext(StaffPageContext);
  if (!ctx) throw new Error('useStaffPage outside a staff page');
  return ctx;
}

export function staffContextValue(base: StaffPageBase): StaffPageContextValue {
  return { ...base, t: staffTranslatorFor(base.locale) };
}
