import { staffReportSchema, type StaffReport } from '../../shared/staff-entry';
import type { Actor, AuditLog } from '../audit/log';
import type { Office } from '../office/schema';
import type { ReportsService } from '../reports/service';
import { placeCodesOf } from '../reports/submission';

/**
 * Reports received by phone, letter, e-mail or in person, entered by a caseworker into the same schema
 * (channel `staff`), through the same anonymiser, so that the statistics cover every way in. A receipt code
 * is shown only when the person wants one to follow their report; otherwise it is made and forgotten at once.
 */
export function createReportEntry({ reports, audit }: { reports: ReportsService; audit: AuditLog }) {
  // Made once per office settings: a municipality an admin added is a place an entry may name at once.
  const schemas = new WeakMap<Office, ReturnType<typeof staffReportSchema>>();
  return {
    schemaFor(office: Office) {
      let schema = schemas.get(office);
      if (!schema) {
        schema = staffReportSchema(placeCodesOf(office));
        schemas.set(office, schema);
      }
      return schema;
    },

    async store(actor: Actor, entry: StaffReport): Promise<string | null> {
      const { receivedVia, receipt: wantsReceipt, ...submission } = entry;
      const { receipt } = await reports.submit({ ...submission, channel: 'form' }, { receivedVia });
      await audit.record(actor, 'report.entered', { detail: { receivedVia, receipt: wantsReceipt } });
      return wantsReceipt ? receipt : null;
    },
  };
}
export type ReportEntry = ReturnType<typeof createReportEntry>;
