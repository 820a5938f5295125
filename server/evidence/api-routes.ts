import { Hono } from 'hono';
import { z } from 'zod';
import { EVIDENCE_TOKEN_FIELD } from '../../shared/evidence';
import type { AppEnv } from '../http/env';
import { AppError } from '../http/errors';
import { UPLOAD_REFUSAL } from '../intake/guard';
import { parseJsonBody } from '../http/json-body';
import { filesIn, readForm } from './form';
import type { EvidenceService } from './service';
import { postedStagingToken } from './staging';

/**
 * The routes whose posts may carry files, and so a larger body (server/app.ts): the report form's steps (the
 * language switch posts the form too), the receipt page's message form, the upload API, and the back
 * office's entry of a report received by letter or in person.
 */
export const UPLOAD_PATHS =
  /^(?:\/[a-z]{2}(?:-LS)?\/(?:report\/(?:review|edit)|receipt\/messages)|\/api\/evidence|\/staff\/reports\/new)$/;

const removalSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'errors.invalid_input'),
    id: z.string().regex(/^[a-f0-9]{32}$/, 'errors.invalid_input'),
  })
  .strict();

/**
 * Files cleaned before the report is sent, for pages with JavaScript (the form, the assistant): the browser
 * uploads them as soon as they are chosen and keeps the answer (the staging token and small pictures) in its
 * draft. Without JavaScript the same happens through the form's own posts (server/reports/form-routes.ts).
 */
export function evidenceApiRoutes({ evidence }: { evidence: EvidenceService | null }) {
  const available = () => {
    if (!evidence) throw new AppError(404, 'evidence.errors.unavailable');
    return evidence;
  };
  return new Hono<AppEnv>()
    .post('/evidence', async (c) => {
      const service = available();
      if (!/^\s*multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
        throw new AppError(415, 'errors.unsupported_media_type');
      const body = await readForm(c);
      const uploads = filesIn(body);
      if (uploads.length === 0) throw new AppError(422, 'errors.validation', { evidence: 'evidence.errors.no_file' });
      const intake = c.get('uploads');
      if (intake?.refused) throw new AppError(429, UPLOAD_REFUSAL, {}, intake.retryAfterSeconds);
      const upload = await service.stage(postedStagingToken(body[EVIDENCE_TOKEN_FIELD]), uploads);
      return c.json(upload, upload.files.length ? 201 : 422);
    })
    .post('/evidence/remove', async (c) => {
      const { token, id } = await parseJsonBody(c, removalSchema);
      return c.json(await available().unstage(token, id));
    });
}
