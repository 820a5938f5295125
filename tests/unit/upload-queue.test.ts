import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { queueUploadBodies } from '../../server/evidence/upload-guard';

/** A route that holds each post until the test lets it go, and counts the bytes it holds at once. */
function heldRoute(maxBytes: number) {
  const app = new Hono();
  let holding = 0;
  let most = 0;
  const order: string[] = [];
  const gates: (() => void)[] = [];
  app.use('*', queueUploadBodies({ maxBytes, largestPost: 1000 }));
  app.post('/upload', async (c) => {
    const size = Number(c.req.header('content-length'));
    const name = c.req.query('name') ?? '';
    holding += size;
    most = Math.max(most, holding);
    order.push(name);
    await new Promise<void>((go) => gates.push(go));
    holding -= size;
    return c.text(`stored ${name}`);
  });
  return { app, gates, order, most: () => most };
}

const post = (app: Hono, name: string, bytes: number) =>
  app.request(`/upload?name=${name}`, {
    method: 'POST',
    body: new Uint8Array(bytes),
    headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(bytes) },
  });

const settle = () => new Promise((go) => setTimeout(go, 10));

describe('posts with files read at once', () => {
  it('holds a post until its bytes fit, lets every one through in turn, and refuses none', async () => {
    const { app, gates, order, most } = heldRoute(500);
    const answers = [post(app, 'a', 300), post(app, 'b', 300), post(app, 'c', 150)];
    await settle();
    // b does not fit beside a; c waits behind b rather than overtaking it, so a large post never starves.
    expect(order).toEqual(['a']);
    gates.shift()!();
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    gates.splice(0).forEach((go) => go());
    const texts = await Promise.all(answers.map(async (answer) => (await answer).text()));
    expect(texts).toEqual(['stored a', 'stored b', 'stored c']);
    expect(most()).toBeLessThanOrEqual(500);
  });

  it('lets a post larger than the whole budget through alone', async () => {
    const { app, gates, order } = heldRoute(100);
    const answers = [post(app, 'big', 400), post(app, 'small', 10)];
    await settle();
    expect(order).toEqual(['big']);
    gates.shift()!();
    await settle();
    gates.shift()!();
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([200, 200]);
  });

  it('does not hold posts without files', async () => {
    const app = new Hono();
    app.use('*', queueUploadBodies({ maxBytes: 1, largestPost: 1000 }));
    let open = 0;
    app.post('/form', async (c) => {
      open++;
      await settle();
      return c.text(String(open));
    });
    const forms = Array.from({ length: 3 }, () =>
      app.request('/form', {
        method: 'POST',
        body: 'x=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(await Promise.all(forms.map(async (answer) => (await answer).text()))).toEqual(['3', '3', '3']);
  });
});
