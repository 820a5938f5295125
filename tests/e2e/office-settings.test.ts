import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

/** Set SETTINGS_SCREENSHOTS to a folder to keep the settings page and the changed landing page. */
const SHOTS = process.env.SETTINGS_SCREENSHOTS;
let server: TestServer;
let browser: Browser;
let adminCookie: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  adminCookie = (await signedInStaff(server, 'admin', 'ada')).cookie;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function look(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
}

const GERMAN = 'Offene Sprechstunde im Haus Seidenschwanz, dienstags von 10 bis 12 Uhr.';
const ARABIC = 'ساعات استشارة مفتوحة في بيت سايدنشفانتس، كل ثلاثاء من الساعة 10 إلى 12.';

describe('the office settings page', () => {
  it('changes a counselling contact in two languages, and the landing page shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const [name, value] = adminCookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    await page.goto(`${server.url}/staff`);
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/staff/settings`);
    await look(page, 'settings-de');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'settings-de-top.png') });

    const contact = page
      .locator('fieldset.settings-row')
      .filter({ has: page.locator('#office\\.counselling\\.0\\.name') });
    await contact.getByLabel('Beschreibung (Deutsch)').fill(GERMAN);
    // The other languages are behind one click.
    await contact.locator('summary', { hasText: 'Beschreibung in weiteren Sprachen' }).click();
    const arabic = contact.getByLabel('Beschreibung (العربية)');
    expect(await arabic.getAttribute('dir')).toBe('rtl');
    await arabic.fill(ARABIC);

    // A mistake first: nothing is saved, the error stands at its field, what was typed stays.
    await page.getByLabel('Ziel des Schnellausstiegs').fill('wetter.de');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await expect.poll(() => page.locator('[role="alert"]').first().textContent()).toContain('nicht gespeichert');
    expect(await page.locator('#office\\.quickExitUrl-error').textContent()).toContain('https://');
    expect(await page.locator('#office\\.counselling\\.0\\.description\\.de').inputValue()).toBe(GERMAN);
    expect(await page.locator('#office\\.counselling\\.0\\.description\\.ar').inputValue()).toBe(ARABIC);
    await look(page, 'settings-de-error');
    if (SHOTS) await contact.screenshot({ path: path.join(SHOTS, 'settings-de-contact.png') });

    await page.getByLabel('Ziel des Schnellausstiegs').fill('https://www.wetter.de/');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await expect.poll(() => page.locator('p.notice[role="status"]').textContent()).toContain('gespeichert');
    await context.close();

    // The public landing page, in German and in Arabic on a phone, without a restart.
    for (const [locale, text, width] of [
      ['de', GERMAN, 1280],
      ['ar', ARABIC, 360],
    ] as const) {
      const visitor = await browser.newContext({ viewport: { width, height: 800 } });
      const landing = await visitor.newPage();
      await landing.goto(`${server.url}/${locale}/`);
      expect(await landing.locator('main').textContent()).toContain(text);
      await look(landing, `landing-${locale}-${width}`);
      if (SHOTS)
        await landing
          .locator('section[aria-labelledby="counselling-title"]')
          .screenshot({ path: path.join(SHOTS, `landing-${locale}-${width}-counselling.png`) });
      await visitor.close();
    }
  });
});
