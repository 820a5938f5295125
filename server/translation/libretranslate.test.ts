import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../../tests/fake-libretranslate/server';
import { createLibreTranslate } from './libretranslate';
import { TranslationError } from './translator';

describe('the LibreTranslate client', () => {
  let fake: FakeLibreTranslate;
  beforeAll(async () => {
    fake = await startFakeLibreTranslate();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const client = (apiKey?: string) => createLibreTranslate({ url: fake.url, apiKey, timeoutMs: 500 });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'translated',
      (error: unknown) =>
        error instanceof TranslationError ? `${error.failure}${error.permanent ? '!' : ''}` : 'other',
    );

  it('translates, with Leichte Sprache sent as German', async () => {
    expect(await client().translate('Wohnung', 'de-LS', 'tr')).toBe('daire');
    expect(fake.requests[0]).toMatchObject({ source: 'de', target: 'tr', format: 'text', apiKey: undefined });
  });

  it('tells passing failures from lasting ones (lasting ones marked !)', async () => {
    const t = client();
    fake.enqueue({ fault: 'http_500' }, { fault: 'http_429' }, { fault: 'malformed' }, { fault: 'hang' });
    expect(await failureOf(t.translate('a', 'tr', 'de'))).toBe('server_error');
    expect(await failureOf(t.translate('a', 'tr', 'de'))).toBe('busy');
    expect(await failureOf(t.translate('a', 'tr', 'de'))).toBe('malformed');
    expect(await failureOf(t.translate('a', 'tr', 'de'))).toBe('timeout');
    fake.fault = 'down';
    expect(await failureOf(t.translate('a', 'tr', 'de'))).toBe('unavailable');
    fake.fault = null;
    fake.apiKey = 'right';
    expect(await failureOf(client('wrong').translate('a', 'tr', 'de'))).toBe('refused');
    expect(await failureOf(client('right').translate('a', 'tr', 'de'))).toBe('translated');
    expect(await failureOf(t.translate('a', 'ar', 'de'))).toBe('refused');
    fake.apiKey = null;
    fake.languages = ['de', 'tr'];
    expect(await failureOf(t.translate('a', 'ar', 'de'))).toBe('unsupported!');
  });

  it('reads which languages it covers both ways with German', async () => {
    fake.languages = ['de', 'tr', 'en'];
    const t = client();
    expect(await t.covers('tr')).toBe(true);
    expect(await t.covers('de-LS')).toBe(true);
    expect(await t.covers('fa')).toBe(false);
  });

  it('cannot say what it covers while the server is down', async () => {
    fake.fault = 'down';
    expect(await client().covers('tr')).toBeNull();
  });
});
