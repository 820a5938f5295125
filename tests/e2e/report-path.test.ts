import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, axeViolationsWithoutScripts, describeViolations, launchBrowser } from '../helpers/browser';
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

/** A phone-sized page that fails the test on any request leaving this server. */
async function openPage(
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'de-DE',
  });
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url) && !req.url().startsWith('data:')) foreign.push(req.url());
  });
  return { context, page, foreign };
}

async function expectAccessible(page: Page, scripts = true) {
  const violations = scripts ? await axeViolations(page) : await axeViolationsWithoutScripts(browser, page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe('the report path in Chromium', () => {
  it('with JavaScript: landing → form step by step → review → receipt → status → withdraw', async () => {
    const { context, page, foreign } = await openPage();
    await page.goto(`${server.url}/de/`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Meldung schreiben' }).click();
    await expect.poll(() => page.locator('.progress').first().textContent()).toContain('Schritt 1 von 6');
    await expectAccessible(page);

    // Moving on without a description is stopped in the browser, with the reason next to the field.
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => page.locator('#description-error').textContent()).toContain('Bitte beschreiben Sie');

    await page
      .getByLabel('Beschreiben Sie, was passiert ist')
      .fill(
        'Der Busfahrer hat mich nicht einsteigen lassen und gesagt, Leute wie ich sollen laufen. Ruf mich an: 0176 98765432.',
      );
    await page.getByLabel('Abgelehnt oder schlechter behandelt').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Jahr').fill('2026');
    await page.getByLabel('Monat', { exact: true }).selectOption('10');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Würselen').check();
    await page.getByLabel('Bus, Bahn, Haltestelle').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => page.locator('#racismForms-anti_black').count()).toBe(0);
    await page.getByLabel('Rassismus, Herkunft, Hautfarbe').check();
    await page.getByLabel('Rassismus gegen Schwarze Menschen').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Es ist mir selbst passiert').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();

    await page.waitForURL('**/de/report#review');
    await page.locator('#stored-description').waitFor();
    expect(await page.locator('.stored-text').first().textContent()).toContain('[Telefon]');
    expect(await page.locator('.stored-text').first().textContent()).not.toContain('98765432');
    await expectAccessible(page);
    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();

    await page.locator('#receipt-code').waitFor();
    const receipt = (await page.locator('#receipt-code').textContent())!.trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const done = page.getByRole('button', { name: 'Fertig' });
    // Hydration and Preact's re-render are asynchronous: wait for them rather than race them.
    await expect.poll(() => done.isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Ich habe meinen Code gespeichert.').check();
    await expect.poll(() => done.isEnabled()).toBe(true);

    await page.goto(`${server.url}/de/receipt`);
    await expectAccessible(page);
    await page.getByLabel('Ihr Code').fill(receipt.toLowerCase());
    await page.getByRole('button', { name: 'Meldung öffnen' }).click();
    await expect.poll(() => page.locator('.status').textContent()).toContain('Eingegangen');
    await expectAccessible(page);
    await page.getByLabel('Ja, ich möchte meine Meldung löschen.').check();
    await page.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('gelöscht');

    expect(foreign).toEqual([]);
    await context.close();
  });

  it('without JavaScript: every question on one page, server-side errors, then the receipt', async () => {
    const { context, page, foreign } = await openPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/de/report`);
    expect(await page.locator('section.step:visible').count()).toBe(6);
    await page.getByLabel('Stolberg').check();
    // The browser's own check is bypassed so that the server's is the one tested.
    await page.locator('form.report-form').evaluate((f) => f.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Bitte beschreiben Sie');
    expect(await page.getByLabel('Stolberg').isChecked()).toBe(true);
    await expectAccessible(page, false);

    await page
      .getByLabel('Beschreiben Sie, was passiert ist')
      .fill('Im Jobcenter wurde ich angeschrien, weil ich kein gutes Deutsch spreche.');
    await page.getByLabel('Sprache oder Akzent').check();
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    expect(await page.locator('h1').textContent()).toContain('Bitte prüfen Sie');
    await expectAccessible(page, false);
    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    expect(await page.locator('#receipt-code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('shows Arabic right-to-left, with Arabic form labels, accessible', async () => {
    const { context, page } = await openPage({ locale: 'ar' });
    await page.goto(`${server.url}/ar/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expectAccessible(page);
    // The start of a line is on the right: the header's first item sits at the right edge.
    const brand = await page.locator('.brand').boundingBox();
    expect(brand!.x).toBeGreaterThan(180);

    await page.goto(`${server.url}/ar/report`);
    const label = await page.locator('label[for="description"]').textContent();
    expect(label).toMatch(/[\u0600-\u06FF]/);
    await expectAccessible(page);
    await context.close();
  });
});
