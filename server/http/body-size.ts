import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from './errors';

/**
 * Refuses a body larger than `maxBytes` from its Content-Length, before reading any of it. A body without a
 * length (chunked) is refused too: browsers and API clients send one, and an unbounded stream is how a
 * single client could exhaust memory. `maxBytes` may depend on the route (uploads may weigh more).
 */
export function bodySizeLimit(limit: number | ((c: Context) => { maxBytes: number; key: string })): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const { maxBytes, key } =
      typeof limit === 'number' ? { maxBytes: limit, key: 'errors.payload_too_large' } : limit(c);
    const length = c.req.header('content-length');
    if (length === undefined) {
      if (c.req.header('transfer-encoding')) throw new AppError(411, 'errors.length_required');
      return next();
    }
    if (!/^\d+$/.test(length) || Number(length) > maxBytes) throw new AppError(413, key);
    return next();
  };
}
