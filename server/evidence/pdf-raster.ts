import { Worker } from 'node:worker_threads';
import { RefusedUpload, type RefusalReason } from './sanitiser';

/** One page of a PDF as a picture, with the page's size in points (1/72 inch). */
export interface RenderedPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

export interface PdfRasteriserOptions {
  maxPages: number;
  /** Enough to read a letter: 150 dots per inch. */
  dpi?: number;
  /** A bound per page, whatever size the page claims (A3 at 150 dpi is 4.4 million). */
  maxPagePixels?: number;
  /** A document that takes longer is refused: the thread is ended and a new one started for the next. */
  timeoutMs?: number;
  /** PDFs waiting for the thread beyond this are refused as busy, rather than piling up in memory. */
  maxWaiting?: number;
}

type Reply = { id: number; pages?: RenderedPage[]; refused?: RefusalReason };

/**
 * PDFs rendered one at a time in a worker thread (pdf-worker.mjs). One thread: rendering is CPU-bound, and
 * the machine's other cores serve requests and decode pictures meanwhile.
 */
export function createPdfRasteriser(options: PdfRasteriserOptions) {
  const { maxPages, dpi = 150, maxPagePixels = 4_500_000, timeoutMs = 60_000, maxWaiting = 20 } = options;
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  const thread = () => {
    if (worker) return worker;
    worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url));
    worker.unref();
    worker.on('error', () => {
      worker = null;
    });
    return worker;
  };

  const renderNow = (bytes: Uint8Array) =>
    new Promise<RenderedPage[]>((resolve, reject) => {
      const w = thread();
      const id = nextId++;
      const done = () => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('exit', onExit);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        done();
        if (reply.pages) resolve(reply.pages);
        else reject(new RefusedUpload(reply.refused ?? 'damaged'));
      };
      const onExit = () => {
        done();
        worker = null;
        reject(new RefusedUpload('damaged'));
      };
      const timer = setTimeout(() => {
        done();
        worker = null;
        void w.terminate();
        reject(new RefusedUpload('too_many_pixels'));
      }, timeoutMs);
      w.on('message', onMessage);
      w.on('exit', onExit);
      w.postMessage({ id, bytes, maxPages, maxPagePixels, dpi });
    });

  return {
    render(bytes: Uint8Array): Promise<RenderedPage[]> {
      if (waiting >= maxWaiting) return Promise.reject(new RefusedUpload('busy'));
      waiting++;
      const turn = queue.then(() => renderNow(bytes));
      queue = turn.catch(() => undefined);
      return turn.finally(() => waiting--);
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}
export type PdfRasteriser = ReturnType<typeof createPdfRasteriser>;
