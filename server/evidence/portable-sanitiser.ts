import { convertIndexedToRgb, decode as decodePng, encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { EvidenceKind } from '../../shared/evidence';
import { clipArea } from './areas';
import { exifOrientation, orient, type Rgba } from './orientation';
import { checkUpload, RefusedUpload, type CleanFile, type Sanitiser } from './sanitiser';

/**
 * Workers' sanitiser: native image code cannot run there, so JPEG and PNG are decoded and encoded anew in
 * JavaScript (jpeg-js, fast-png), with the same result as on Node: the pixels, upright, and nothing else.
 * WebP and PDF have no decoder here that could be trusted with hostile files in a Worker's memory; they are
 * refused with a sentence that says what to send instead. A Worker has 128 MB: pictures above
 * `maxPixels` (12.5 million by default, a 12 MP phone photo) are refused before decoding.
 */
export function createPortableSanitiser(options: { maxPixels?: number } = {}): Sanitiser {
  const maxPixels = options.maxPixels ?? 12_500_000;
  const kinds: readonly EvidenceKind[] = ['jpeg', 'png'];

  const clean = (kind: 'jpeg' | 'png', image: Rgba): CleanFile => {
    const bytes = kind === 'jpeg' ? encodeJpeg(image, 85) : encodePngOf(image);
    return { kind, bytes, width: image.width, height: image.height, pages: null, thumbnail: thumbnailOf(image) };
  };

  const decodeAny = (kind: EvidenceKind, bytes: Uint8Array): Rgba => {
    try {
      if (kind === 'jpeg') return orient(decodeJpeg(bytes, maxPixels), exifOrientation(bytes));
      return decodePngRgba(bytes);
    } catch (error) {
      if (error instanceof RefusedUpload) throw error;
      throw new RefusedUpload(/resolution|memory/i.test(String(error)) ? 'too_many_pixels' : 'damaged');
    }
  };

  return {
    kinds,
    async clean(bytes) {
      const kind = checkUpload(bytes, { kinds }, maxPixels);
      return clean(kind as 'jpeg' | 'png', decodeAny(kind, bytes));
    },
    async cover(file, areas) {
      if (file.kind !== 'jpeg' && file.kind !== 'png') throw new RefusedUpload('wrong_type');
      const image = decodeAny(file.kind, file.bytes);
      for (const area of areas) {
        const box = clipArea(area, image.width, image.height);
        if (!box) continue;
        for (let y = box.y; y < box.y + box.height; y++) {
          const row = (y * image.width + box.x) * 4;
          for (let i = row; i < row + box.width * 4; i += 4) {
            image.data[i] = 0;
            image.data[i + 1] = 0;
            image.data[i + 2] = 0;
            image.data[i + 3] = 255;
          }
        }
      }
      return clean(file.kind, image);
    },
  };
}

function decodeJpeg(bytes: Uint8Array, maxPixels: number): Rgba {
  // Not tolerant: a file cut short is refused rather than shown half grey.
  const decoded = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    tolerantDecoding: false,
    maxResolutionInMP: maxPixels / 1_000_000,
    maxMemoryUsageInMB: 100,
  });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

function encodeJpeg(image: Rgba, quality: number): Uint8Array {
  const { data } = jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Any PNG (grey, palette, 16 bits, with or without alpha) as 8-bit RGBA. */
function decodePngRgba(bytes: Uint8Array): Rgba {
  const png = decodePng(bytes, { checkCrc: true });
  const { width, height } = png;
  const out = new Uint8Array(width * height * 4);
  if (png.palette) {
    const rgb = convertIndexedToRgb(png);
    const channels = png.palette[0]?.length === 4 ? 4 : 3;
    for (let p = 0, i = 0; p < width * height; p++, i += channels) {
      out.set([rgb[i]!, rgb[i + 1]!, rgb[i + 2]!, channels === 4 ? rgb[i + 3]! : 255], p * 4);
    }
    return { width, height, data: out };
  }
  const shift = png.depth === 16 ? 8 : 0;
  const scale = png.depth < 8 ? 255 / ((1 << png.depth) - 1) : 1;
  const value = (i: number) => Math.round((png.data[i]! >> shift) * scale);
  const c = png.channels;
  for (let p = 0; p < width * height; p++) {
    const i = p * c;
    const grey = c <= 2;
    out[p * 4] = value(i);
    out[p * 4 + 1] = grey ? value(i) : value(i + 1);
    out[p * 4 + 2] = grey ? value(i) : value(i + 2);
    out[p * 4 + 3] = c === 2 ? value(i + 1) : c === 4 ? value(i + 3) : 255;
  }
  return { width, height, data: out };
}

/** RGB when every pixel is opaque (smaller), RGBA otherwise; no chunk but the picture's own. */
function encodePngOf(image: Rgba): Uint8Array {
  let opaque = true;
  for (let i = 3; i < image.data.length && opaque; i += 4) opaque = image.data[i] === 255;
  if (!opaque) return encodePng({ width: image.width, height: image.height, data: image.data, depth: 8, channels: 4 });
  const rgb = new Uint8Array(image.width * image.height * 3);
  for (let p = 0, i = 0; i < image.data.length; p += 3, i += 4) {
    rgb[p] = image.data[i]!;
    rgb[p + 1] = image.data[i + 1]!;
    rgb[p + 2] = image.data[i + 2]!;
  }
  return encodePng({ width: image.width, height: image.height, data: rgb, depth: 8, channels: 3 });
}

const THUMBNAIL_EDGE = 320;

/** A box-filtered small copy on white, as JPEG: what a person recognises their file by. */
function thumbnailOf(image: Rgba): Uint8Array {
  const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const out = new Uint8Array(width * height * 4);
  for (let ty = 0; ty < height; ty++) {
    const y0 = Math.floor(ty / scale);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((ty + 1) / scale)));
    for (let tx = 0; tx < width; tx++) {
      const x0 = Math.floor(tx / scale);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((tx + 1) / scale)));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const i = (y * image.width + x) * 4;
          const a = image.data[i + 3]! / 255;
          r += image.data[i]! * a + 255 * (1 - a);
          g += image.data[i + 1]! * a + 255 * (1 - a);
          b += image.data[i + 2]! * a + 255 * (1 - a);
          n++;
        }
      out.set([r / n, g / n, b / n, 255], (ty * width + tx) * 4);
    }
  }
  return encodeJpeg({ width, height, data: out }, 70);
}
