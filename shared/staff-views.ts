import type { AuditLogRow } from '../db/schema';
import type { StaffLocale, StaffRole } from './staff';

/**
 * Accounts and the audit log as the auth service and the audit log return them and the admin pages render
 * them: declared once, where server and pages meet.
 */

/** A staff account as the app sees it: never its password hash or TOTP secret. */
export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  locale: StaffLocale;
  mustChangePassword: boolean;
  totpEnrolled: boolean;
  totpRequired: boolean;
  disabled: boolean;
}

/** One entry of the audit log; `detail` is JSON of ids, codes and counts. */
export type AuditEntry = AuditLogRow;
