import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, validationError } from './errors';

/** Reads and validates a JSON body: wrong media type, malformed JSON and schema errors are each a clear 4xx. */
export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError(415, 'errors.unsupported_media_type');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new AppError(400, 'errors.malformed_json');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
