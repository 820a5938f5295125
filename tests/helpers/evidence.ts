import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { SECRETS } from '../fixtures/evidence/make';
import { expect } from 'vitest';
import { hiddenFields, textOf } from './html';
import { REPO_ROOT } from './process';
import { postForm, type TestServer } from './server';

export { SECRETS };

const DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'evidence');

/** A fixture from tests/fixtures/evidence (made by `npm run fixtures:evidence`). */
export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(DIR, name));
}

/** The files a phone, a scanner or a PDF tool makes, full of what betrays their owner. */
export const DIRTY_FILES = ['phone-photo.jpg', 'screenshot.png', 'picture-with-xmp.webp', 'letter.pdf'] as const;

/** Chunks a cleaned PNG may have: the picture, its palette and transparency, its pixel density. */
const PNG_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'pHYs']);
/** Dictionary keys that carry metadata, scripts, forms, attachments or annotations in a PDF. */
const PDF_KEYS = [
  'Info',
  'Metadata',
  'JS',
  'JavaScript',
  'AA',
  'OpenAction',
  'AcroForm',
  'EmbeddedFiles',
  'EmbeddedFile',
  'Names',
  'Annots',
  'PieceInfo',
  'Author',
  'Title',
  'Producer',
  'Creator',
  'Outlines',
];

/**
 * Everything of the original's metadata that survived in a file, described: secret strings anywhere in its
 * bytes, segments and chunks that carry metadata, what an EXIF reader still finds. Empty: nothing but the picture.
 */
export async function metadataLeaks(bytes: Uint8Array): Promise<string[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const leaks: string[] = [];
  const text = [buffer.toString('latin1'), buffer.toString('utf8'), buffer.toString('utf16le')].join('\n');
  for (const [what, secret] of Object.entries(SECRETS)) if (text.includes(secret)) leaks.push(`secret ${what}`);
  for (const marker of ['Exif\0\0', 'http://ns.adobe.com/xap', '<x:xmpmeta', 'ICC_PROFILE', 'Photoshop 3.0', '8BIM'])
    if (text.includes(marker)) leaks.push(`marker ${JSON.stringify(marker)}`);
  if (buffer[0] === 0xff && buffer[1] === 0xd8) leaks.push(...jpegLeaks(buffer));
  else if (buffer.subarray(1, 4).toString('latin1') === 'PNG') leaks.push(...pngLeaks(buffer));
  else if (buffer.subarray(8, 12).toString('latin1') === 'WEBP') leaks.push(...webpLeaks(buffer));
  else if (buffer.subarray(0, 5).toString('latin1') === '%PDF-') leaks.push(...(await pdfLeaks(buffer)));
  else leaks.push('not a picture or a PDF');
  if (buffer.subarray(0, 5).toString('latin1') !== '%PDF-' && buffer.subarray(8, 12).toString('latin1') !== 'WEBP') {
    const found = await exifr
      .parse(buffer, {
        tiff: true,
        gps: true,
        xmp: true,
        iptc: true,
        icc: true,
        ifd1: true,
        // A PNG's header (size, depth) is the picture itself, not metadata.
        ihdr: false,
      })
      .catch(() => undefined);
    if (found && Object.keys(found).length) leaks.push(`exif reader finds ${Object.keys(found).join(', ')}`);
  }
  return leaks;
}

function jpegLeaks(b: Buffer): string[] {
  const leaks: string[] = [];
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    if (marker === 0xda) break;
    // APP1–APP15 (EXIF, XMP, ICC, IPTC …) and COM; APP0 (JFIF) holds only the pixel density.
    if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) leaks.push(`JPEG segment ff${marker.toString(16)}`);
    at += 2 + b.readUInt16BE(at + 2);
  }
  return leaks;
}

function pngLeaks(b: Buffer): string[] {
  const leaks: string[] = [];
  for (let at = 8; at + 8 <= b.length;) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (!PNG_CHUNKS.has(type)) leaks.push(`PNG chunk ${type}`);
    at += 12 + length;
  }
  return leaks;
}

function webpLeaks(b: Buffer): string[] {
  const leaks: string[] = [];
  for (let at = 12; at + 8 <= b.length;) {
    const type = b.toString('latin1', at, at + 4);
    const length = b.readUInt32LE(at + 4);
    if (['EXIF', 'XMP ', 'ICCP'].includes(type)) leaks.push(`WebP chunk ${type}`);
    if (type === 'VP8X' && (b[at + 8]! & 0x2c) !== 0) leaks.push('WebP flags metadata');
    at += 8 + length + (length % 2);
  }
  return leaks;
}

async function pdfLeaks(b: Buffer): Promise<string[]> {
  const leaks: string[] = [];
  const doc = await PDFDocument.load(b, { updateMetadata: false });
  if (doc.context.trailerInfo.Info) leaks.push('PDF trailer /Info');
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : null;
    if (!dict) continue;
    for (const key of PDF_KEYS) if (dict.has(PDFName.of(key))) leaks.push(`PDF /${key}`);
  }
  return leaks;
}

/** The keys the evidence store of a Node server holds (relative paths): a folder on SQLite, a table on PostgreSQL. */
export async function storedEvidenceKeys(server: TestServer): Promise<string[]> {
  if (server.backend === 'postgres')
    return (await server.database.db.selectFrom('evidence_blobs').select('key').execute()).map((r) => r.key);
  const root = path.join(server.dataDir, 'evidence');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** Files as a page with JavaScript uploads them: one multipart post to /api/evidence, in German. */
export async function upload(
  server: TestServer,
  files: { name: string; bytes: Buffer; type?: string }[],
  token?: string,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  if (token) form.append('evidenceToken', token);
  for (const f of files)
    form.append(
      'evidence',
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  const res = await fetch(`${server.url}/api/evidence`, {
    method: 'POST',
    body: form,
    headers: { 'accept-language': 'de', ...headers },
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

/** The report form without JavaScript: form → review (with the staged files) → send. Returns the receipt code. */
export async function sendReport(server: TestServer, evidenceToken: string): Promise<string> {
  const form = await fetch(`${server.url}/de/report`).then((r) => r.text());
  const sendToken = hiddenFields(form, 'report-form').find(([name]) => name === 'sendToken')![1];
  const review = await postForm(`${server.url}/de/report/review`, [
    ['description', 'Die Wohnungsanzeige sagt: keine Ausländer. Der Screenshot zeigt es.'],
    ['municipality', 'stolberg'],
    ['lifeDomain', 'authorities'],
    ['sendToken', sendToken],
    ['evidenceToken', evidenceToken],
  ]);
  expect(review.status).toBe(200);
  const fields = hiddenFields(review.html, 'review-form');
  expect(fields).toContainEqual(['evidenceToken', evidenceToken]);
  const sent = await postForm(`${server.url}/de/report/send`, [...fields, ['consent', 'on']]);
  expect(sent.status).toBe(201);
  return textOf(sent.html, 'receipt-code');
}
