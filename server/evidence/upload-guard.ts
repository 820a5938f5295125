import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env';
import { filesIn, readForm } from './form';

const MULTIPART = /^\s*multipart\/form-data\b/i;

/**
 * What stands before every post that may carry files.
 *
 * - A bound on how many are read and cleaned at once (`concurrent`): a post's body is held in memory while it
 *   is cleaned, so twenty phones sending 50 MB at once must not mean a gigabyte. Others wait their turn
 *   (their bodies stay in the network's buffers); none is refused for it. Two at once: cleaning is CPU-bound
 *   (libvips uses every core for one picture); on a two-core machine `npm run bench:evidence` measured twenty
 *   10 MB photos at once peaking at 740–800 MB of server memory with two, 890–940 MB with four, and no faster.
 * - The intake's rules (server/intake/guard.ts): cleaning a picture costs the server real work, so a post with
 *   files counts against an allowance per client, larger with a proof of work solved. Posts without a file
 *   (a review, a removal) never reach it.
 */
export function guardUploads(
  intake: MiddlewareHandler<AppEnv>,
  { concurrent = 2 }: { concurrent?: number } = {},
): MiddlewareHandler<AppEnv> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = () =>
    running < concurrent ? (running++, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (c, next) => {
    if (c.req.method !== 'POST' || !MULTIPART.test(c.req.header('content-type') ?? '')) return next();
    await acquire();
    try {
      if (filesIn(await readForm(c)).length > 0) return await intake(c, next);
      return await next();
    } finally {
      release();
    }
  };
}
