import type { ComponentType } from 'preact';
import { AccountPage } from './AccountPage';
import { AuditPage } from './AuditPage';
import { InboxPage } from './InboxPage';
import { LoginPage } from './LoginPage';
import { NotificationsPage } from './NotificationsPage';
import { OfficeSettingsPage } from './OfficeSettingsPage';
import { ReportEntryPage } from './ReportEntryPage';
import { ReportPage } from './ReportPage';
import { SpamConfirmPage } from './SpamConfirmPage';
import { StaffMessagePage } from './StaffMessagePage';
import { StatisticsPage } from './StatisticsPage';
import { StatisticsReportPage } from './StatisticsReportPage';
import { UsersPage } from './UsersPage';

/** Every back-office page by name; rendered on the server only. */
export const staffPages = {
  login: LoginPage,
  account: AccountPage,
  inbox: InboxPage,
  report: ReportPage,
  reportEntry: ReportEntryPage,
  users: UsersPage,
  audit: AuditPage,
  staffMessage: StaffMessagePage,
  spamConfirm: SpamConfirmPage,
  statistics: StatisticsPage,
  statisticsReport: StatisticsReportPage,
  notifications: NotificationsPage,
  officeSettings: OfficeSettingsPage,
} satisfies Record<string, ComponentType<never>>;

export type StaffPageName = keyof typeof staffPages;
export type StaffPropsOf<N extends StaffPageName> = NonNullable<Parameters<(typeof staffPages)[N]>[0]>;
