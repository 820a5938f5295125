import type { EvidenceUpload } from '../../shared/evidence';
import { staffReportSchema, type StaffReport } from '../../shared/staff-entry';
import type { Actor, AuditLog } from '../audit/log';
import type { EvidenceService } from '../evidence/service';
import type { Office } from '../office/schema';
import type { ReportsService } from '../reports/service';
import { placeCodesOf } from '../reports/submission';

/**
 * Reports received by phone, letter, e-mail or in person, entered by a caseworker into the same schema
 * (channel `staff`), through the same anonymiser, so that the statistics cover every way in. A receipt code
 * is shown only when the person wants one to follow their report; otherwise it is made and forgotten at once.
 */
export function createReportEntry({
  reports,
  audit,
  office,
  evidence = null,
}: {
  reports: ReportsService;
  audit: AuditLog;
  office: Office;
  /** Files of a letter or a visit (null where no store is set up). */
  evidence?: EvidenceService | null;
}) {
  return {
    schema: staffReportSchema(placeCodesOf(office)),

    evidence,

    /** Stores the report with the files staged under the upload's token (cleaned, sealed, as source `staff`). */
    async store(actor: Actor, entry: StaffReport, files: EvidenceUpload | null = null): Promise<string | null> {
      const { receivedVia, receipt: wantsReceipt, ...submission } = entry;
      const token = evidence && files?.files.length ? files.token : null;
      const { receipt } = await reports.submit(
        { ...submission, channel: 'form' },
        { receivedVia },
        evidence && token ? () => evidence.prepare(token, 'staff') : undefined,
      );
      await audit.record(actor, 'report.entered', {
        detail: { receivedVia, receipt: wantsReceipt, files: files?.files.length ?? 0 },
      });
      return wantsReceipt ? receipt : null;
    },
  };
}
export type ReportEntry = ReturnType<typeof createReportEntry>;
