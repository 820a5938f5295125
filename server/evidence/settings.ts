import { z } from 'zod';
import type { EvidenceLimits } from '../../shared/evidence';

export interface EvidenceSettings extends EvidenceLimits {
  /** PDFs with more pages are refused: each page is rendered and stored as a picture. */
  maxPdfPages: number;
}

const megabytes = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);

/** The variables of evidence uploads, the same on Node and on Workers. */
export const evidenceEnvShape = {
  /** `false` takes no files: the forms show no file field. */
  EVIDENCE_ENABLED: z.enum(['true', 'false']).default('true'),
  EVIDENCE_MAX_FILES: z.coerce.number().int().min(1).max(20).default(5),
  EVIDENCE_MAX_FILE_MB: megabytes(10),
  EVIDENCE_MAX_TOTAL_MB: megabytes(25),
  EVIDENCE_MAX_PDF_PAGES: z.coerce.number().int().min(1).max(200).default(20),
};

type EvidenceEnv = { [K in keyof typeof evidenceEnvShape]: z.infer<(typeof evidenceEnvShape)[K]> };

/** Null when the office takes no files. */
export function evidenceSettingsFrom(e: EvidenceEnv): EvidenceSettings | null {
  if (e.EVIDENCE_ENABLED === 'false') return null;
  return {
    maxFiles: e.EVIDENCE_MAX_FILES,
    maxFileBytes: e.EVIDENCE_MAX_FILE_MB * 1_000_000,
    maxTotalBytes: Math.max(e.EVIDENCE_MAX_TOTAL_MB, e.EVIDENCE_MAX_FILE_MB) * 1_000_000,
    maxPdfPages: e.EVIDENCE_MAX_PDF_PAGES,
  };
}

/**
 * The most a post that carries files may weigh: every file at its own limit, plus room for the form's fields
 * and the multipart framing. Up to this the post is read and each file judged on its own (too big, too many,
 * too much together), so that the person's text comes back with a sentence beside the file; only beyond it
 * is the post refused unread. The body of every other request stays small (see server/app.ts).
 */
export function uploadBodyBytes(settings: EvidenceLimits): number {
  return settings.maxFiles * settings.maxFileBytes + 512 * 1024;
}
