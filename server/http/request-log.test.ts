import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestLog, type LogLine } from './request-log';

function appWithLog() {
  const lines: LogLine[] = [];
  const app = new Hono()
    .use(
      '*',
      requestLog((line) => lines.push(line)),
    )
    .get('/:locale/receipt/:code', (c) => c.text('ok'))
    .post('/api/reports', (c) => c.json({}, 201));
  return { app, lines };
}

describe('the request log', () => {
  it('writes the route pattern, never the path, the query or what was sent', async () => {
    const { app, lines } = appWithLog();
    await app.request('/de/receipt/7KQ2-M9XD-4TRB-Z3HE?q=Alsdorf', {
      headers: { 'user-agent': 'Mozilla/5.0 (Android)', 'x-forwarded-for': '203.0.113.7' },
    });
    await app.request('/api/reports', { method: 'POST', body: '{"description":"Im Bus beschimpft"}' });
    expect(lines.map(({ ms: _ms, ...rest }) => rest)).toEqual([
      { method: 'GET', route: '/:locale/receipt/:code', status: 200 },
      { method: 'POST', route: '/api/reports', status: 201 },
    ]);
    const written = JSON.stringify(lines);
    for (const secret of ['7KQ2', 'Alsdorf', 'Android', '203.0.113.7', 'beschimpft'])
      expect(written).not.toContain(secret);
    expect(typeof lines[0]!.ms).toBe('number');
  });

  it('says "unmatched" for a path no route answers', async () => {
    const { app, lines } = appWithLog();
    await app.request('/etc/passwd');
    expect(lines[0]).toMatchObject({ route: 'unmatched', status: 404 });
  });
});
