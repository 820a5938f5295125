import {
  EVIDENCE_FIELD,
  EVIDENCE_REMOVE_FIELD,
  EVIDENCE_TOKEN_FIELD,
  type EvidenceUpload,
} from '../../shared/evidence';
import type { AppContext } from '../http/env';
import { AppError } from '../http/errors';
import type { EvidenceService } from './service';
import { postedFileId, postedStagingToken } from './staging';

export type Posted = Record<string, string | File | (string | File)[]>;

/**
 * A posted form, urlencoded or multipart, read once (Hono keeps it for the request). A body that ends before
 * its multipart framing does (a connection cut mid-upload) is a 400 in the person's language.
 */
export async function readForm(c: AppContext): Promise<Posted> {
  try {
    return (await c.req.parseBody({ all: true })) as Posted;
  } catch {
    throw new AppError(400, 'evidence.errors.truncated');
  }
}

/** The files of a post: the file inputs' parts that carry a file (an input left empty sends a nameless, empty part). */
export function filesIn(body: Posted): File[] {
  const value = body[EVIDENCE_FIELD];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((v): v is File => typeof v !== 'string' && (v.size > 0 || v.name !== ''));
}

/**
 * What a form post does to its report's files: new files are cleaned and staged, a removal removes one, and
 * the staging token that the form carries names the rest. Null when the post carries no files and no token.
 * New files the intake refuses for now (too many uploads from one place) are named as refused, unread.
 */
export async function evidenceFromPost(
  c: AppContext,
  evidence: EvidenceService,
  body: Posted,
): Promise<EvidenceUpload | null> {
  const token = postedStagingToken(body[EVIDENCE_TOKEN_FIELD]);
  const uploads = filesIn(body);
  let upload: EvidenceUpload | null = null;
  if (uploads.length && c.get('uploads')?.refused) {
    const refused = uploads.map((f) => ({ name: f.name, reason: 'too_many_uploads' }));
    upload = token ? { ...(await evidence.staged(token)), refused } : { token: '', files: [], refused };
  } else if (uploads.length) upload = await evidence.stage(token, uploads);
  else if (token) upload = await evidence.staged(token);
  const remove = postedFileId(body[EVIDENCE_REMOVE_FIELD]);
  if (upload && remove) upload = { ...(await evidence.unstage(upload.token, remove)), refused: upload.refused };
  return upload;
}
