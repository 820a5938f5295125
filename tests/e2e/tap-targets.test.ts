import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/** Every control on the public path is at least 44 × 44 CSS pixels on a phone; a checkbox's whole row is its label. */
let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MIN = 44;

/** Controls smaller than 44 × 44, described: empty when every one is large enough. */
async function tooSmall(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll(
    (elements, min) =>
      elements
        .filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed')
        .map((e) => ({ e, box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.height < min - 0.5 || box.width < min - 0.5)
        .map(
          ({ e, box }) => `${e.tagName} "${e.textContent?.trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    MIN,
  );
}

const CONTROLS = [
  '.quick-exit',
  '.languages summary',
  '.languages a',
  '.language-button',
  '.site-footer a',
  'main button',
  'main .actions a',
  'main .call',
  'main .choice label',
  'main select',
  'main input:not([type=checkbox]):not([type=radio]):not([type=hidden])',
].join(', ');

async function openLanguages(page: Page) {
  await page.locator('.languages summary').click();
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('tap targets %s', (_, javaScriptEnabled) => {
  it('on every step of the form, the review screen, the receipt and the landing page', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled });
    await page.goto(`${server.url}/de/`);
    await openLanguages(page);
    expect(await tooSmall(page, CONTROLS)).toEqual([]);

    await page.goto(`${server.url}/de/report`);
    if (javaScriptEnabled) await page.locator('.progress').first().waitFor();
    await openLanguages(page);
    await page.locator('#description').fill('Im Jobcenter wurde ich wegen meines Akzents ausgelacht.');
    const steps = javaScriptEnabled ? 6 : 1;
    for (let step = 0; step < steps; step++) {
      if (step === steps - 1) await page.locator('#supportWanted').check();
      expect(await tooSmall(page, CONTROLS), `step ${step + 1}`).toEqual([]);
      if (step < steps - 1) await page.locator('section.step:not([hidden]) .step-nav .primary').click();
    }
    // A checkbox row answers to a tap anywhere on it, far from the box itself.
    const row = page.locator('label[for="supportWanted"]');
    const box = (await row.boundingBox())!;
    await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
    expect(await page.locator('#supportWanted').isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    await page.locator('#review-form').waitFor();
    await openLanguages(page);
    expect(await tooSmall(page, CONTROLS)).toEqual([]);

    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.locator('#receipt-code').waitFor();
    expect(await tooSmall(page, CONTROLS)).toEqual([]);
    await context.close();
  });
});
