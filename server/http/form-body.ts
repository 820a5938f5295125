import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors';

const FORM_TYPES = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/**
 * The one body parser for forms: every posted form is read here, once, before any route or check (the
 * staff CSRF check included) looks at it. A body that is not what its Content-Type says (a broken multipart
 * boundary, a truncated part) is a 400 in the person's language, never an error page of the server. Routes
 * then read the same parsed body with `c.req.parseBody()`, which Hono keeps for the request.
 */
export function formBodies(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !FORM_TYPES.test(c.req.header('content-type') ?? ''))
      return next();
    try {
      await c.req.parseBody({ all: true });
      // Hono keeps the raw bytes beside the parsed form; no route reads them again, and for a post with
      // photos they are megabytes held while it waits to be cleaned.
      delete c.req.bodyCache.arrayBuffer;
    } catch {
      throw new AppError(400, 'errors.malformed_form');
    }
    return next();
  };
}
