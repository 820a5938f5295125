import type { StaffRole } from '../../shared/staff';

/** Who may do what, by role: an analyst sees statistics only, never a report. */
export const ANYONE: readonly StaffRole[] = ['admin', 'caseworker', 'analyst'];
export const CASEWORK: readonly StaffRole[] = ['admin', 'caseworker'];
export const ADMIN: readonly StaffRole[] = ['admin'];
