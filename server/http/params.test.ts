import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors';
import { parseQuery, positiveIdParam } from './params';

const app = new Hono()
  .get('/reports/:id', (c) => c.json({ id: positiveIdParam(c) }))
  .get('/search', (c) => c.json(parseQuery(c, z.object({ tag: z.array(z.string()).optional(), q: z.string().max(5) }))))
  .onError((error, c) =>
    error instanceof AppError ? c.json({ key: error.key, fields: error.fields }, error.status) : c.text('bug', 500),
  );

describe('route parameters and query strings', () => {
  it('take a positive id, and answer 404 for anything else', async () => {
    expect(await (await app.request('/reports/12')).json()).toEqual({ id: 12 });
    for (const id of ['0', '99999999999999999999', 'abc'])
      expect((await app.request(`/reports/${id}`)).status, id).toBe(404);
  });

  it('read a repeated key as a list, and refuse what the schema refuses with 422 and the field', async () => {
    expect(await (await app.request('/search?tag=a&tag=b&q=bus')).json()).toEqual({ tag: ['a', 'b'], q: 'bus' });
    const res = await app.request('/search?q=toolong');
    expect(res.status).toBe(422);
    expect((await res.json()).fields).toEqual({ q: 'errors.text_too_long' });
  });
});
