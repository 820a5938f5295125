import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Quick exit leaves no readable trace of what was typed: the page goes at once, the tab's draft is cleared,
 * Back does not bring the form (or its text) back, and without JavaScript the browser does not restore the
 * typed text either. The neutral site is the office's (a weather page), answered here by the test.
 */
/** Hydration and history moves on a busy phone-sized browser: give them time, assert the same. */
const SETTLED = { timeout: 15_000 };

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

const SECRET = 'Mein Nachbar Herr Wagner bedroht mich jeden Tag.';
const NEUTRAL = /^https:\/\/www\.wetter\.de\//;

async function typeIntoForm(page: Page, javaScript: boolean) {
  await page.goto(`${server.url}/de/`);
  await page.getByRole('link', { name: 'Meldung schreiben' }).click();
  if (javaScript) await page.locator('.progress').first().waitFor();
  await page.locator('#description').fill(SECRET);
}

/** What a person could read in the tab now: the page's text and every field's value. */
async function readable(page: Page): Promise<string> {
  if (!page.url().startsWith(server.url)) return page.url();
  return page.evaluate(
    () =>
      document.body.innerText +
      [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join(' '),
  );
}

describe('quick exit with JavaScript', () => {
  it('leaves at once, clears the draft, and Back does not show the form again', async () => {
    const { context, page } = await phonePage(browser);
    await typeIntoForm(page, true);
    await expect.poll(() => page.evaluate(() => sessionStorage.length), SETTLED).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Schnell weg' }).click();
    await page.waitForURL(NEUTRAL);

    // Back, as far as the tab's history goes: each portal page on the way leaves again at once, so the
    // tab ends on the neutral site or at its start, and nothing typed is readable anywhere on the way.
    for (let step = 0; step < 2; step++) {
      await page.goBack();
      await expect.poll(() => page.url(), SETTLED).not.toContain(server.url);
      expect(await readable(page)).not.toContain('Wagner');
    }

    // Coming back on purpose is a new visit: the portal shows, and the draft is gone.
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();
    expect(await page.locator('#description').inputValue()).toBe('');
    expect(await page.locator('.draft-notice').count()).toBe(0);
    await context.close();
  });

  it('answers to Shift pressed three times, not to Shift held for a capital letter', async () => {
    const { context, page } = await phonePage(browser);
    await typeIntoForm(page, true);
    await page.locator('#description').press('End');
    // Capitals typed with Shift held do not count as presses.
    for (const key of ['Shift+A', 'Shift+H', 'Shift+M']) await page.keyboard.press(key);
    expect(page.url()).toContain(server.url);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect
      .poll(() => page.locator('#quick-exit-status').textContent())
      .toBe('Umschalttaste: noch einmal drücken, um diese Seite zu verlassen.');
    await page.keyboard.press('Shift');
    await page.waitForURL(NEUTRAL);
    await page.goBack();
    await expect.poll(() => page.url(), SETTLED).not.toContain(server.url);
    await context.close();
  });
});

describe('quick exit without JavaScript', () => {
  it('is a plain link, and Back shows the form without the typed text', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
    await typeIntoForm(page, false);
    await page.getByRole('link', { name: 'Schnell weg' }).click();
    await page.waitForURL(NEUTRAL);
    await page.goBack();
    await page.waitForURL(`${server.url}/de/report`);
    expect(await page.locator('#description').inputValue()).toBe('');
    expect(await readable(page)).not.toContain('Wagner');
    await context.close();
  });
});

describe('the landing page', () => {
  it.each([
    ['de', 'Das kann keine Internetseite löschen.'],
    ['ar', 'لا يستطيع أي موقع إنترنت حذف ذلك.'],
    ['tr', 'Hiçbir internet sitesi bunu silemez.'],
  ])('says in %s how to browse privately, and what no page can erase', async (locale, text) => {
    const { context, page } = await phonePage(browser, { locale });
    await page.goto(`${server.url}/${locale}/`);
    expect(await page.locator('#safety-title').isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toContain(text);
    await context.close();
  });
});
