import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env';
import { filesIn, readForm } from './form';

const MULTIPART = /^\s*multipart\/form-data\b/i;

const isUpload = (method: string, contentType: string | undefined) =>
  method === 'POST' && MULTIPART.test(contentType ?? '');

/** Waiters in turn, each needing some share of a budget; the first in line goes first, so none starves. */
function budgetQueue(budget: number) {
  let used = 0;
  const waiting: { need: number; go: () => void }[] = [];
  const admit = () => {
    // A need larger than the whole budget still goes, alone.
    while (waiting.length && (used === 0 || used + waiting[0]!.need <= budget)) {
      const next = waiting.shift()!;
      used += next.need;
      next.go();
    }
  };
  return {
    acquire: (need: number) =>
      new Promise<void>((go) => {
        waiting.push({ need, go });
        admit();
      }),
    release: (need: number) => {
      used -= need;
      admit();
    },
  };
}

/**
 * A bound on the bytes of posts with files that are read at once. Each is parsed whole before any route sees
 * it (server/http/form-body.ts), and a parsed 10 MB photo costs the server about five times its size until
 * it is cleaned, so twenty phones sending at once must not mean a gigabyte: a post waits, unread (its body
 * held back in the network's buffers), until its Content-Length fits (`maxBytes`, a post without one counts
 * as the largest allowed). None is refused for it. A slow phone holds its share while its file arrives; the
 * budget leaves room for several at once, and the server's request timeout bounds how long.
 * Comes before the form parser, on the paths that take files.
 */
export function queueUploadBodies({
  maxBytes,
  largestPost,
}: {
  maxBytes: number;
  largestPost: number;
}): MiddlewareHandler {
  const queue = budgetQueue(maxBytes);
  return async (c, next) => {
    if (!isUpload(c.req.method, c.req.header('content-type'))) return next();
    const declared = Number(c.req.header('content-length'));
    const need = Number.isFinite(declared) && declared > 0 ? Math.min(declared, largestPost) : largestPost;
    await queue.acquire(need);
    try {
      return await next();
    } finally {
      queue.release(need);
    }
  };
}

/**
 * What stands before every post that carries files, once it is read.
 *
 * - A bound on how many are cleaned at once (`concurrent`): cleaning is CPU-bound (libvips uses every core for
 *   one picture), so more at once is no faster on a small machine and only holds more pictures in memory.
 * - The intake's rules (server/intake/guard.ts): cleaning a picture costs the server real work, so a post with
 *   files counts against an allowance per client, larger with a proof of work solved. Posts without a file
 *   (a review, a removal) never reach it.
 *
 * On a two-core machine `npm run bench:evidence` measures twenty reporters sending a 10 MB photo at once.
 */
export function guardUploads(
  intake: MiddlewareHandler<AppEnv>,
  { concurrent = 2 }: { concurrent?: number } = {},
): MiddlewareHandler<AppEnv> {
  const queue = budgetQueue(concurrent);
  return async (c, next) => {
    if (!isUpload(c.req.method, c.req.header('content-type'))) return next();
    if (filesIn(await readForm(c)).length === 0) return next();
    await queue.acquire(1);
    try {
      return await intake(c, next);
    } finally {
      queue.release(1);
    }
  };
}
