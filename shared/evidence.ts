/**
 * Evidence: screenshots, photos and letters a reporter attaches. What the browser and the server both need:
 * the kinds taken, the form's field names, the limits' shape and the view of a file before it is sent. Kept
 * free of zod so that browser code can import it cheaply.
 */
export const EVIDENCE_KINDS = ['jpeg', 'png', 'webp', 'pdf'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_MEDIA_TYPES: Record<EvidenceKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** The file input's `accept`: a hint for the phone's picker only; the server checks the content. */
export function evidenceAccept(kinds: readonly EvidenceKind[]): string {
  const extensions: Record<EvidenceKind, string> = { jpeg: '.jpg,.jpeg', png: '.png', webp: '.webp', pdf: '.pdf' };
  return kinds.flatMap((k) => [EVIDENCE_MEDIA_TYPES[k], extensions[k]]).join(',');
}

/** The file input's name, and the hidden field that names the files already cleaned for this report. */
export const EVIDENCE_FIELD = 'evidence';
export const EVIDENCE_TOKEN_FIELD = 'evidenceToken';
/** A button that removes one cleaned file before sending: its value is the file's id. */
export const EVIDENCE_REMOVE_FIELD = 'removeEvidence';

export interface EvidenceLimits {
  /** Files in one sending (a report, or an addition on the receipt page). */
  maxFiles: number;
  /** One file as uploaded. */
  maxFileBytes: number;
  /** The cleaned files of one sending together. */
  maxTotalBytes: number;
}

/** What a person sees of a cleaned file before sending it: nothing of its name, a small picture of its content. */
export interface StagedEvidence {
  id: string;
  kind: EvidenceKind;
  bytes: number;
  /** Pages of a PDF; null for pictures. */
  pages: number | null;
  /** A small JPEG of the cleaned file (its first page for a PDF), as a data: address. */
  thumbnail: string;
}

/** The files of one report that are ready to be sent, with what the upload refused (an i18n key per file). */
export interface EvidenceUpload {
  /** Carried in the form (never in an address): it names and unlocks this report's cleaned files. */
  token: string;
  files: StagedEvidence[];
  refused: RefusedFile[];
}

export interface RefusedFile {
  /** The name the person's device gave the file: shown back to them only, never stored. */
  name: string;
  /** An i18n key under `evidence.errors.` */
  reason: string;
}

/** The i18n parameters that every evidence error message may use. */
export function limitParams(limits: EvidenceLimits) {
  return {
    files: limits.maxFiles,
    fileMb: Math.floor(limits.maxFileBytes / 1_000_000),
    totalMb: Math.floor(limits.maxTotalBytes / 1_000_000),
  };
}

/** The unit as each language's messages write it (`evidence.hint`): MB, but Mo in French and МБ in Cyrillic. */
const MEGABYTE: Record<string, string> = { fr: 'Mo', ru: 'МБ', uk: 'МБ' };

/** "2.4 MB", "2,4 Mo": the decimal mark of the language, Latin digits (as the messages write numbers). */
export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / 1_000_000;
  const number = new Intl.NumberFormat(`${locale === 'de-LS' ? 'de' : locale}-u-nu-latn`, {
    maximumFractionDigits: mb < 10 ? 1 : 0,
  }).format(Math.max(mb, 0.1));
  return `${number} ${MEGABYTE[locale] ?? 'MB'}`;
}

/** What a page with a file field (the form, the review, the receipt page) needs to draw it. */
export interface EvidenceField {
  /** The files cleaned so far for this report, and what was refused; null before the first file. */
  upload: EvidenceUpload | null;
  limits: EvidenceLimits;
  /** What this server can clean (Workers take fewer kinds). */
  kinds: EvidenceKind[];
}

/** A file of a report as the back office lists it: never a name, only what the office needs to open it. */
export interface StaffEvidenceFile {
  id: string;
  kind: EvidenceKind;
  bytes: number;
  width: number;
  height: number;
  pages: number | null;
  /** Sent with the report, added later by the reporter, or entered by the office. */
  source: 'report' | 'reporter' | 'staff';
  addedOn: string;
  coveredOn: string | null;
}
