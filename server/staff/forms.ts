import type { Context } from 'hono';
import type { z } from 'zod';
import { validationError } from '../http/errors';

/** A posted staff form as an object for its zod schema, without the CSRF field (the access check read it). */
export async function parseStaffForm<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const { _csrf: _, ...fields } = await c.req.parseBody({ all: true });
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** Post/redirect/get: back to a page with a notice key (never free text) in the query. */
export function redirectWithNotice(c: Context, path: string, notice: string) {
  return c.redirect(`${path}?notice=${encodeURIComponent(notice)}`, 303);
}

/** Only our own message keys travel in a query string; anything else is dropped. */
export function noticeKeyFrom(value: string | undefined): string | undefined {
  return value && /^(notices|errors)\.[a-z_]+$/.test(value) ? value : undefined;
}
