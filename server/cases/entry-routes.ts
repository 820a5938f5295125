import { Hono, type Context } from 'hono';
import { LOCALES } from '../../shared/locales';
import { formFieldOf, formValuesFromPost, submissionInputFromForm } from '../../shared/report-form';
import { staffReportSchema, type StaffReport } from '../../shared/staff-entry';
import type { EvidenceUpload } from '../../shared/evidence';
import type { AuditLog } from '../audit/log';
import { evidenceFromPost, readForm } from '../evidence/form';
import type { EvidenceService } from '../evidence/service';
import { actorOf } from '../auth/service';
import type { AppEnv } from '../http/env';
import { fieldErrorsOf } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import type { Office } from '../office/schema';
import { prepareForStorage, type ReportsService } from '../reports/service';
import { placeCodesOf } from '../reports/submission';
import type { StaffPageRenderer } from '../staff/pages';
import { emptyEntry, type EntrySaved, type EntryValues } from '../../web/staff/pages/ReportEntryPage';

/**
 * Reports received by phone, letter, e-mail or in person, entered by a caseworker into the same schema
 * (channel `staff`), through the same anonymiser, so that the statistics cover every way in. A receipt code
 * is shown only when the person wants one to follow their report; otherwise it is made and forgotten at once.
 */
export function reportEntryRoutes({
  reports,
  audit,
  office,
  renderPage,
  evidence = null,
}: {
  evidence?: EvidenceService | null;
  reports: ReportsService;
  audit: AuditLog;
  office: Office;
  renderPage: StaffPageRenderer;
}) {
  const schema = staffReportSchema(placeCodesOf(office));
  const places = office.municipalities;

  const store = async (c: Context<AppEnv>, entry: StaffReport, files: EvidenceUpload | null = null) => {
    const { receivedVia, receipt: wantsReceipt, ...submission } = entry;
    const withFiles = evidence && files?.files.length ? { evidence, token: files.token } : null;
    const { receipt } = await reports.submit(
      { ...submission, channel: 'form' },
      { receivedVia },
      withFiles ? () => withFiles.evidence.prepare(withFiles.token, 'staff') : undefined,
    );
    await audit.record(actorOf(c.var.staff), 'report.entered', {
      detail: { receivedVia, receipt: wantsReceipt, files: files?.files.length ?? 0 },
    });
    return wantsReceipt ? receipt : null;
  };

  const page = (
    c: Context<AppEnv>,
    props: { values: EntryValues; errors: Record<string, string>; saved?: EntrySaved; upload?: EvidenceUpload | null },
    status: 200 | 201 | 422 = 200,
  ) => {
    const { upload = null, ...rest } = props;
    const field = evidence ? { upload, limits: evidence.limits, kinds: [...evidence.kinds] } : undefined;
    return renderPage(
      c,
      'reportEntry',
      { ...rest, places, locales: [...LOCALES], ...(field ? { evidence: field } : {}) },
      { titleKey: 'entry.title', status },
    );
  };

  return new Hono<AppEnv>()
    .get('/staff/reports/new', (c) => page(c, { values: emptyEntry, errors: {} }))
    .post('/staff/reports/new', async (c) => {
      const { _csrf: _, ...body } = await readForm(c);
      const upload = evidence ? await evidenceFromPost(evidence, body) : null;
      const values: EntryValues = {
        ...formValuesFromPost(body),
        locale: typeof body.locale === 'string' ? body.locale : 'de',
        receivedVia: typeof body.receivedVia === 'string' ? body.receivedVia : '',
        receipt: body.receipt === 'on',
        consent: body.consent === 'on',
      };
      const { channel: _channel, ...input } = submissionInputFromForm(values, {
        locale: values.locale,
        consent: values.consent,
      });
      const parsed = schema.safeParse({
        ...input,
        receivedVia: values.receivedVia || undefined,
        receipt: values.receipt,
      });
      if (!parsed.success) {
        const errors = Object.fromEntries(
          Object.entries(fieldErrorsOf(parsed.error)).map(([field, key]) => [formFieldOf(field), key]),
        );
        return page(c, { values, errors, upload }, 422);
      }
      // A refused file is named beside the file field; the report waits until the caseworker has decided.
      if (upload?.refused.length) return page(c, { values, errors: {}, upload }, 422);
      const receipt = await store(c, parsed.data, upload);
      const stored = prepareForStorage({ ...parsed.data, channel: 'form' }).description.text;
      return page(c, { values: emptyEntry, errors: {}, saved: { receipt, description: stored } }, 201);
    })
    .post('/api/staff/reports', async (c) => c.json({ receipt: await store(c, await parseJsonBody(c, schema)) }, 201));
}
