import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVAILABLE_LOCALES } from '../../shared/i18n/catalog';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

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

const LOCALES = ['de', 'ar', 'de-LS'].filter((l) => (AVAILABLE_LOCALES as readonly string[]).includes(l));
const PAGES = ['/', '/report', '/receipt'];

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.each(LOCALES)('public pages in %s', (locale) => {
  it.each(PAGES)('%s has no axe violations and no sideways scrolling at 320 px', async (path) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/${locale}${path}`);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('reflows at 200 % zoom on a 1280 px screen without sideways scrolling', async () => {
    // 200 % zoom of a 1280 px window lays the page out in 640 CSS pixels at twice the size.
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(`${server.url}/${locale}${path}`);
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});

describe('the form path by keyboard alone', () => {
  it('reaches the receipt with Tab, Enter and Space only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();

    const tabToSelector = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`focus never reached ${selector}`);
    };

    // The skip link comes first and leads into the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');

    await tabToSelector('#description');
    await page.keyboard.type('An der Haltestelle wurde ich wegen meiner Hautfarbe beleidigt.');
    await tabToSelector('#incidentForms-insult_harassment');
    await page.keyboard.press('Space');
    for (let step = 0; step < 5; step++) {
      await tabToSelector('.step:not([hidden]) .step-nav .primary');
      await page.keyboard.press('Enter');
      // Focus moves to the new step's heading, so a screen reader announces where the person is.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    }
    await tabToSelector('.step:not([hidden]) button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/de/report#review');
    await page.locator('#consent').waitFor();

    await tabToSelector('#consent');
    await page.keyboard.press('Space');
    await tabToSelector('button[data-once]');
    await page.keyboard.press('Enter');
    await page.locator('#receipt-code').waitFor();
    expect(await page.locator('#receipt-code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // Every focused control shows a visible focus ring.
    await tabToSelector('#saved');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await context.close();
  });
});
