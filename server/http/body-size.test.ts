import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodySizeLimit } from './body-size';
import { AppError } from './errors';

const app = new Hono()
  .use('*', bodySizeLimit(100))
  .all('/', (c) => c.text('read'))
  .onError((error, c) => (error instanceof AppError ? c.text(error.key, error.status) : c.text('bug', 500)));

describe('the body size limit', () => {
  it('lets a body up to the limit through', async () => {
    const res = await app.request('/', { method: 'POST', body: 'x'.repeat(100), headers: { 'content-length': '100' } });
    expect([res.status, await res.text()]).toEqual([200, 'read']);
  });

  it('refuses a larger body by its Content-Length, before reading it', async () => {
    const res = await app.request('/', { method: 'POST', body: 'x', headers: { 'content-length': '101' } });
    expect([res.status, await res.text()]).toEqual([413, 'errors.payload_too_large']);
  });

  it('refuses a length that is not a number', async () => {
    const res = await app.request('/', { method: 'POST', body: 'x', headers: { 'content-length': '1e3' } });
    expect(res.status).toBe(413);
  });

  it('refuses a chunked body without a length (411)', async () => {
    const res = await app.request('/', { method: 'POST', headers: { 'transfer-encoding': 'chunked' } });
    expect([res.status, await res.text()]).toEqual([411, 'errors.length_required']);
  });

  it('does not look at reads', async () => {
    expect((await app.request('/', { headers: { 'content-length': '999999' } })).status).toBe(200);
  });
});
