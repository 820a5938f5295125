import type { EvidenceKind } from '../../shared/evidence';

/**
 * The kind of a file by its first bytes, never by its name or the browser's word for it: a `.jpg` that is a
 * web page is a web page. Only the four kinds the portal takes are recognised; anything else is null.
 */
export function kindOf(bytes: Uint8Array): EvidenceKind | null {
  const starts = (signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  // A PDF must start with its header: readers also accept one further in, which is how polyglots hide.
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  return null;
}

/** Readers look this far into a file for a PDF header, and browsers this far for HTML. */
const HEAD = 1024;
const MARKUP = /<(?:script|html|body|head|iframe|object|embed|svg|!doctype)[\s>/]/i;

/**
 * Whether a file is also a file of another kind: a picture that a PDF reader or a browser would open as a
 * document, or any file with a ZIP archive at its end (ZIP readers start from the end). Cleaning would drop
 * the other part anyway; such a file is refused all the same, with a clear reason, because nobody makes one
 * by accident. What phones append after a picture (motion photos' video, Samsung's trailer) is no archive and
 * no document, and passes.
 */
export function isPolyglot(bytes: Uint8Array, kind: EvidenceKind): boolean {
  const head = latin1(bytes.subarray(0, HEAD));
  if (kind !== 'pdf' && head.includes('%PDF-')) return true;
  if (MARKUP.test(head)) return true;
  return hasZipEnd(bytes);
}

/** A ZIP end-of-central-directory record whose comment ends exactly at the end of the file. */
function hasZipEnd(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x05 || bytes[i + 3] !== 0x06) continue;
    const commentLength = bytes[i + 20]! | (bytes[i + 21]! << 8);
    if (i + 22 + commentLength === bytes.length) return true;
  }
  return false;
}

/**
 * Width and height as a picture's header declares them, read before anything is decoded: a decompression
 * bomb is a small file that declares a huge picture. Null when the header cannot be read.
 */
export function declaredSize(bytes: Uint8Array, kind: EvidenceKind): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (kind === 'png') return { width: view.getUint32(16), height: view.getUint32(20) };
    if (kind === 'jpeg') return jpegSize(bytes, view);
    if (kind === 'webp') return webpSize(bytes, view);
  } catch {
    return null;
  }
  return null;
}

function jpegSize(bytes: Uint8Array, view: DataView) {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Fill bytes and standalone markers carry no length.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function webpSize(bytes: Uint8Array, view: DataView) {
  const chunk = latin1(bytes.subarray(12, 16));
  if (chunk === 'VP8X') return { width: 1 + readUint24(bytes, 24), height: 1 + readUint24(bytes, 27) };
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return null;
}

function readUint24(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
