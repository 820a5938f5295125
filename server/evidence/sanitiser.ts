import type { EvidenceKind } from '../../shared/evidence';
import { declaredSize, isPolyglot, kindOf } from './sniff';

/**
 * A file as it is kept: decoded and encoded anew, so that nothing but the picture survives (no EXIF, GPS,
 * XMP, IPTC, ICC profile, comment, text chunk, thumbnail, document information, attachment, form or script).
 */
export interface CleanFile {
  kind: EvidenceKind;
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Pages of a PDF; null for pictures. */
  pages: number | null;
  /** A small JPEG of the content (the first page of a PDF), for the review screen and the back office. */
  thumbnail: Uint8Array;
}

/** A black rectangle over part of a picture, in the picture's own pixels. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Cleans uploads. Node decodes with libvips (sharp) and renders PDFs with MuPDF; Workers, where native code
 * cannot run, decode JPEG and PNG in JavaScript and refuse the rest (see README, "Evidence").
 */
export interface Sanitiser {
  /** The kinds this sanitiser can clean; others are refused with `evidence.errors.kind_not_here`. */
  readonly kinds: readonly EvidenceKind[];
  /** Throws `RefusedUpload` with the reason when the file cannot be cleaned safely. */
  clean(bytes: Uint8Array): Promise<CleanFile>;
  /** A new picture with the areas burned in black (a cleaned picture in, a cleaned picture out). */
  cover(file: { kind: EvidenceKind; bytes: Uint8Array }, areas: Area[]): Promise<CleanFile>;
}

/** Why one file was not taken: an i18n key under `evidence.errors.` (the person sees it beside the file's name). */
export class RefusedUpload extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason);
  }
}

export type RefusalReason =
  | 'wrong_type'
  | 'kind_not_here'
  | 'too_big'
  | 'too_many'
  | 'total_too_big'
  | 'damaged'
  | 'too_many_pixels'
  | 'polyglot'
  | 'pdf_locked'
  | 'pdf_too_many_pages'
  | 'busy';

/** Pixels beyond which a picture is refused before decoding (a decompression bomb declares far more). */
export const MAX_PIXELS = 50_000_000;

/**
 * What every sanitiser checks before it decodes anything: the kind by content, other kinds hidden inside,
 * and the size the header declares. Returns the kind the content has.
 */
export function checkUpload(bytes: Uint8Array, sanitiser: Pick<Sanitiser, 'kinds'>, maxPixels: number): EvidenceKind {
  const kind = kindOf(bytes);
  if (!kind) throw new RefusedUpload('wrong_type');
  if (!sanitiser.kinds.includes(kind)) throw new RefusedUpload('kind_not_here');
  if (isPolyglot(bytes, kind)) throw new RefusedUpload('polyglot');
  if (kind !== 'pdf') {
    const size = declaredSize(bytes, kind);
    if (!size || size.width === 0 || size.height === 0) throw new RefusedUpload('damaged');
    if (size.width * size.height > maxPixels) throw new RefusedUpload('too_many_pixels');
  }
  return kind;
}
