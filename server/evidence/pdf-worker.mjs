// Renders a PDF's pages to JPEG pictures with MuPDF, in a thread of its own: rendering is synchronous
// WebAssembly, and a long document must not stop the server from answering others meanwhile. Plain
// JavaScript, so that the thread starts the same way under `tsx`, the tests and a built server.
//
// Only the pages' look leaves this thread: annotations and form fields are not drawn (showExtras false), and
// text, fonts, attachments, scripts and metadata stay behind with the original document.
import { parentPort } from 'node:worker_threads';
import * as mupdf from 'mupdf';

parentPort.on('message', ({ id, bytes, maxPages, maxPagePixels, dpi }) => {
  try {
    parentPort.postMessage({ id, ...render(bytes, { maxPages, maxPagePixels, dpi }) });
  } catch {
    parentPort.postMessage({ id, refused: 'damaged' });
  }
});

function render(bytes, { maxPages, maxPagePixels, dpi }) {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    if (doc.needsPassword()) return { refused: 'pdf_locked' };
    const count = doc.countPages();
    if (count === 0) return { refused: 'damaged' };
    if (count > maxPages) return { refused: 'pdf_too_many_pages' };
    const pages = [];
    for (let i = 0; i < count; i++) {
      const page = doc.loadPage(i);
      try {
        const [x0, y0, x1, y1] = page.getBounds();
        const width = x1 - x0;
        const height = y1 - y0;
        if (!(width > 0 && height > 0)) return { refused: 'damaged' };
        const scale = Math.min(dpi / 72, Math.sqrt(maxPagePixels / (width * height)));
        const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, false);
        try {
          pages.push({ jpeg: pixmap.asJPEG(80), width, height });
        } finally {
          pixmap.destroy();
        }
      } finally {
        page.destroy();
      }
    }
    return { pages };
  } finally {
    doc.destroy();
  }
}
