import { PDFDocument, PDFName } from 'pdf-lib';
import type { RenderedPage } from './pdf-raster';

/**
 * A new PDF made of nothing but the pages' pictures, each at its page's size: no document information (not
 * even a producer or a date), no XMP, no outline, no fonts, no text layer, no forms, no attachments, no
 * scripts, no earlier revisions. Text under a black box drawn in a PDF editor is gone too: only what the page
 * showed was rendered.
 */
export async function pdfOfPictures(pages: RenderedPage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const page of pages) {
    const picture = await doc.embedJpg(page.jpeg);
    const added = doc.addPage([page.width, page.height]);
    added.drawImage(picture, { x: 0, y: 0, width: page.width, height: page.height });
    // pdf-lib gives every page an empty annotation list: a page of a picture has none at all.
    added.node.delete(PDFName.of('Annots'));
  }
  // Plain objects (no object streams): any reader, and any check, sees every dictionary as it is.
  return doc.save({ addDefaultPage: false, updateFieldAppearances: false, useObjectStreams: false });
}
