import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../shared/i18n/catalog';
import { launchBrowser, phonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The smaller things a reporter meets on the way: lists that can be told apart, a month select that is not
 * cut, a hint said once, a receipt that says where and how to keep it, a receipt page that says which report
 * the code opens.
 */
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

const SETTLED = { timeout: 15_000 };

async function reviewWith(page: Page, locale: string, answers: string[]) {
  await page.goto(`${server.url}/${locale}/report`);
  await page.locator('#description').fill('Im Bus wurde ich beschimpft.');
  for (const id of answers) await page.locator(`#${id}`).check();
  await page.locator('.actions button[type=submit]').click();
  await page.locator('#review-form').waitFor();
}

describe('lists of labels', () => {
  it.each([
    ['de', ' und '],
    ['ar', 'و'],
  ])('are joined as %s joins lists, each item set apart though labels hold commas', async (locale, conjunction) => {
    const { context, page } = await phonePage(browser, { locale, javaScriptEnabled: false });
    await reviewWith(page, locale, ['grounds-racism', 'grounds-language', 'grounds-religion']);
    const grounds = page.locator('.summary-row', { hasText: messagesFor(locale as 'de')['review.grounds'] as string });
    const items = await grounds.locator('.list-item').allTextContents();
    const labels = ['ground.racism', 'ground.religion', 'ground.language'] as const;
    expect(items).toEqual(labels.map((k) => messagesFor(locale as 'de')[k]));
    expect(await grounds.locator('.list-of').textContent()).toContain(conjunction);
    await context.close();
  });
});

describe('the month select on a phone', () => {
  it.each(['de', 'ar', 'tr', 'uk', 'de-LS'])('shows its longest choice whole at 360 px in %s', async (locale) => {
    const { context, page } = await phonePage(browser, { locale });
    await page.goto(`${server.url}/${locale}/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('section.step:not([hidden]) .step-nav .primary').click();
    await page.locator('#description').fill('x');
    await page.locator('section.step:not([hidden]) .step-nav .primary').click();
    const { room, needed } = await page.locator('#whenMonth').evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const widest = Math.max(...[...select.options].map((o) => context.measureText(o.text).width));
      // The arrow of a native select takes about as much as the padding on one side, and a little more.
      const inner = select.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      return { room: inner - 20, needed: widest };
    });
    expect(room).toBeGreaterThanOrEqual(needed);
    await context.close();
  });
});

describe('the contact hint without JavaScript', () => {
  it('says once when to fill the fields, then how they are kept', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}/de/report`);
    const de = messagesFor('de');
    expect(await page.locator('#contact-hint').textContent()).toBe(
      `${de['form.contact.hint_nojs']} ${de['form.contact.storage']}`,
    );
    await context.close();
  });
});

describe('the receipt', () => {
  it('says how to keep the code and, on paper too, where it is used; the receipt page says which report it opens', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill('Im Bus wurde ich beschimpft.');
    await page.locator('#incidentForms-insult_harassment').check();
    await page.locator('section.step:not([hidden]) .step-nav .primary').click();
    await page.getByLabel('Jahr').fill('2026');
    await page.getByLabel('Monat', { exact: true }).selectOption('3');
    await page.locator('section.step:not([hidden]) .step-nav .primary').click();
    await page.getByLabel('Herzogenrath').check();
    for (let i = 0; i < 3; i++) await page.locator('section.step:not([hidden]) .step-nav .primary').click();
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.locator('#receipt-code').waitFor();
    await expect
      .poll(() => page.locator('main').textContent(), SETTLED)
      .toContain('Kopieren allein speichert den Code nicht');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.receipt-url').isVisible()).toBe(true);
    expect(await page.locator('.receipt-url').textContent()).toMatch(/\/de\/receipt$/);
    await page.emulateMedia({ media: 'screen' });

    const receipt = (await page.locator('#receipt-code').textContent())!.trim();
    await page.goto(`${server.url}/de/receipt`);
    await page.getByLabel('Ihr Code').fill(receipt);
    await page.getByRole('button', { name: 'Meldung öffnen' }).click();
    const answers = await page.locator('.summary').textContent();
    expect(answers).toContain('Beleidigung');
    expect(answers).toContain('März 2026');
    expect(answers).toContain('Herzogenrath');
    expect(answers).not.toContain('beschimpft');
    await context.close();
  });
});
