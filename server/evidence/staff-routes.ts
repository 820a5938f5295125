import { Hono } from 'hono';
import { z } from 'zod';
import { EVIDENCE_MEDIA_TYPES, type StaffEvidenceFile } from '../../shared/evidence';
import type { AuditLog } from '../audit/log';
import { actorOf } from '../auth/service';
import type { AppContext, AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { positiveIdParam } from '../http/params';
import type { EvidenceRow } from './repo';
import { RefusedUpload, type Area } from './sanitiser';
import { parseStaffForm, redirectWithNotice } from '../staff/forms';
import type { EvidenceService } from './service';

const FILE = '/api/staff/evidence/:file{[a-f0-9]{32}}';

const PAGE_FILE = '/staff/evidence/:file{[a-f0-9]{32}}';

const areaSchema = z
  .object({
    x: z.number().finite().min(0),
    y: z.number().finite().min(0),
    width: z.number().finite().positive(),
    height: z.number().finite().positive(),
  })
  .strict();
/** The JSON body of a cover: the areas to black out, in the picture's pixels. */
export const evidenceCoverSchema = z.object({ areas: z.array(areaSchema).min(1).max(50) }).strict();
/** The report screen's form: one area, typed as numbers (it works without JavaScript). */
const coverFormSchema = z
  .object({
    x: z.coerce.number().int().min(0),
    y: z.coerce.number().int().min(0),
    width: z.coerce.number().int().positive(),
    height: z.coerce.number().int().positive(),
  })
  .strict();

/**
 * A file is shown by the browser only where that cannot run anything: re-encoded pictures inline, PDFs (and the
 * download of anything) as an attachment. The sandbox CSP makes even a picture opened on its own a page without
 * script, origin or form; `nosniff` keeps the browser to the type we name.
 */
function fileHeaders(row: EvidenceRow, which: 'file' | 'thumbnail', download: boolean): Record<string, string> {
  const picture = which === 'thumbnail' || row.kind !== 'pdf';
  const type = which === 'thumbnail' ? 'image/jpeg' : EVIDENCE_MEDIA_TYPES[row.kind];
  const extension = which === 'thumbnail' ? 'jpg' : row.kind === 'jpeg' ? 'jpg' : row.kind;
  const name = `beleg-${row.id.slice(0, 8)}${which === 'thumbnail' ? '-klein' : ''}.${extension}`;
  return {
    'Content-Type': type,
    'Content-Disposition': `${picture && !download ? 'inline' : 'attachment'}; filename="${name}"`,
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** What a caseworker sees of a file in lists: never a name, only what the office needs to open it. */
export function rowView(row: EvidenceRow): StaffEvidenceFile {
  return {
    id: row.id,
    kind: row.kind,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    pages: row.pages,
    source: row.source as StaffEvidenceFile['source'],
    addedOn: row.added_on,
    coveredOn: row.covered_on,
  };
}

/**
 * Evidence in the back office (JSON and file downloads): every route passes the staff gate (session, casework
 * role, CSRF for changes; server/auth/access.ts), and every view and change of a file is audited with ids only.
 */
export function evidenceStaffRoutes({ evidence, audit }: { evidence: EvidenceService | null; audit: AuditLog }) {
  const service = () => {
    if (!evidence) throw new AppError(404, 'errors.not_found');
    return evidence;
  };
  async function cover(c: AppContext, areas: Area[]) {
    const old = c.req.param('file')!;
    // A PDF is a document of pictures: a caseworker covers a page by deleting the file (or asks for a picture).
    const row = await service()
      .cover(old, areas)
      .catch((error: unknown) => {
        if (error instanceof RefusedUpload)
          throw new AppError(422, 'errors.validation', { areas: 'errors.invalid_input' });
        throw error;
      });
    if (!row) throw new AppError(404, 'errors.not_found');
    await audit.record(actorOf(c.var.staff), 'evidence.cover', {
      reportId: row.report_id,
      detail: { file: old, replacedBy: row.id, areas: areas.length },
    });
    return row;
  }

  async function remove(c: AppContext) {
    const row = await service().remove(c.req.param('file')!);
    if (!row) throw new AppError(404, 'errors.not_found');
    await audit.record(actorOf(c.var.staff), 'evidence.delete', { reportId: row.report_id, detail: { file: row.id } });
    return row;
  }

  return new Hono<AppEnv>()
    .get('/api/staff/reports/:id{[0-9]+}/evidence', async (c) => {
      const rows = evidence ? await evidence.filesOf(positiveIdParam(c)) : [];
      return c.json({ files: rows.map(rowView) });
    })
    .get(FILE, async (c) => {
      const which = c.req.query('thumbnail') === '1' ? 'thumbnail' : 'file';
      const found = await service().read(c.req.param('file'), which);
      if (!found) throw new AppError(404, 'errors.not_found');
      await audit.record(actorOf(c.var.staff), 'evidence.view', {
        reportId: found.row.report_id,
        detail: { file: found.row.id, thumbnail: which === 'thumbnail' },
      });
      const body = new Uint8Array(found.bytes).buffer;
      return c.body(body, 200, fileHeaders(found.row, which, c.req.query('download') === '1'));
    })
    .post(`${FILE}/cover`, async (c) => {
      const { areas } = await parseJsonBody(c, evidenceCoverSchema);
      return c.json({ file: rowView(await cover(c, areas)) }, 201);
    })
    .delete(FILE, async (c) => c.json({ deleted: (await remove(c)).id }))
    .post(`${PAGE_FILE}/cover`, async (c) => {
      const reportId = (await service().find(c.req.param('file')))?.report_id;
      const area = await parseStaffForm(c, coverFormSchema).catch(() => null);
      if (!area) return redirectWithError(c, reportId, 'errors.invalid_input');
      const row = await cover(c, [area]).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 422) return null;
        throw error;
      });
      if (!row) return redirectWithError(c, reportId, 'errors.invalid_input');
      return redirectWithNotice(c, `/staff/reports/${row.report_id}`, 'notices.evidence_covered');
    })
    .post(`${PAGE_FILE}/delete`, async (c) => {
      const row = await remove(c);
      return redirectWithNotice(c, `/staff/reports/${row.report_id}`, 'notices.evidence_deleted');
    });
}

function redirectWithError(c: AppContext, reportId: number | undefined, key: string) {
  if (reportId === undefined) throw new AppError(404, 'errors.not_found');
  return c.redirect(`/staff/reports/${reportId}?error=${encodeURIComponent(key)}`, 303);
}
