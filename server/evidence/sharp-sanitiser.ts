import sharp, { type Sharp } from 'sharp';
import type { EvidenceKind } from '../../shared/evidence';
import { clipArea } from './areas';
import { createPdfRasteriser } from './pdf-raster';
import { pdfOfPictures } from './pdf-rebuild';
import { checkUpload, MAX_PIXELS, RefusedUpload, type Area, type CleanFile, type Sanitiser } from './sanitiser';

/** Pictures larger than this are scaled down when cleaned: a long screenshot stays readable, a 200 MP photo does not fill the disk. */
const MAX_OUTPUT_PIXELS = 24_000_000;
const THUMBNAIL_EDGE = 320;

/**
 * Node's sanitiser: libvips through sharp. A picture is decoded (refused beyond MAX_PIXELS before decoding,
 * and when damaged or cut short), turned upright by its EXIF orientation, converted to sRGB, and encoded
 * anew in its own kind; sharp writes no metadata unless asked. A PDF is rendered page by page with MuPDF and
 * rebuilt as a PDF of those pictures.
 */
export function createSharpSanitiser(options: { maxPdfPages: number; maxPixels?: number }): Sanitiser & {
  close(): Promise<void>;
} {
  const maxPixels = options.maxPixels ?? MAX_PIXELS;
  // libvips keeps recent operations and their pixels for reuse; no upload is ever cleaned twice, so the cache
  // only holds reporters' pictures in memory longer than needed.
  sharp.cache(false);
  const pdf = createPdfRasteriser({ maxPages: options.maxPdfPages });
  const kinds: readonly EvidenceKind[] = ['jpeg', 'png', 'webp', 'pdf'];

  const open = (bytes: Uint8Array) =>
    // failOn 'warning': a file cut short or damaged is refused, not half-decoded with grey below the cut.
    sharp(bytes, { limitInputPixels: maxPixels, failOn: 'warning', animated: false });

  async function encode(image: Sharp, kind: Exclude<EvidenceKind, 'pdf'>) {
    const encoded =
      kind === 'jpeg'
        ? image.jpeg({ quality: 85 })
        : kind === 'png'
          ? image.png({ compressionLevel: 6 })
          : image.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    };
  }

  const thumbnailOf = async (bytes: Uint8Array) =>
    new Uint8Array(
      await sharp(bytes)
        .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 70 })
        .toBuffer(),
    );

  async function cleanPicture(bytes: Uint8Array, kind: Exclude<EvidenceKind, 'pdf'>): Promise<CleanFile> {
    try {
      const { width = 0, height = 0 } = await open(bytes).metadata();
      const scale = Math.min(1, Math.sqrt(MAX_OUTPUT_PIXELS / Math.max(1, width * height)));
      let image = open(bytes).autoOrient();
      if (scale < 1) image = image.resize(Math.floor(width * scale), Math.floor(height * scale), { fit: 'inside' });
      const out = await encode(image, kind);
      return { kind, ...out, pages: null, thumbnail: await thumbnailOf(out.bytes) };
    } catch (error) {
      if (error instanceof RefusedUpload) throw error;
      throw new RefusedUpload(/pixel limit/i.test(String(error)) ? 'too_many_pixels' : 'damaged');
    }
  }

  async function cleanPdf(bytes: Uint8Array): Promise<CleanFile> {
    const pages = await pdf.render(bytes);
    const first = pages[0]!;
    const firstSize = await sharp(first.jpeg).metadata();
    return {
      kind: 'pdf',
      bytes: await pdfOfPictures(pages),
      width: firstSize.width ?? 0,
      height: firstSize.height ?? 0,
      pages: pages.length,
      thumbnail: await thumbnailOf(first.jpeg),
    };
  }

  return {
    kinds,
    async clean(bytes) {
      const kind = checkUpload(bytes, { kinds }, maxPixels);
      return kind === 'pdf' ? cleanPdf(bytes) : cleanPicture(bytes, kind);
    },
    async cover(file, areas) {
      if (file.kind === 'pdf') throw new RefusedUpload('wrong_type');
      const { width = 0, height = 0 } = await sharp(file.bytes).metadata();
      const boxes = areas.map((a) => clipArea(a, width, height)).filter((a): a is Area => a !== null);
      const covered = sharp(file.bytes).composite(
        boxes.map((a) => ({
          input: { create: { width: a.width, height: a.height, channels: 3, background: '#000000' } },
          left: a.x,
          top: a.y,
        })),
      );
      const out = await encode(covered, file.kind);
      return { kind: file.kind, ...out, pages: null, thumbnail: await thumbnailOf(out.bytes) };
    },
    close: () => pdf.close(),
  };
}
