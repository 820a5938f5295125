import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, validationError } from './errors';

/** The route's numeric `:id` (the route pattern already admits digits only). */
export function positiveIdParam(c: Context, name = 'id'): number {
  const id = Number(c.req.param(name));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError(404, 'errors.not_found');
  return id;
}

/** Query string through a zod schema; repeated keys become lists. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const raw = Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
