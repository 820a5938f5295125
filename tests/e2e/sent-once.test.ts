import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * A report and a message are sent once: a reload, Back or Forward after sending store nothing new. With
 * JavaScript the page that answered the post takes a plain address in the history (Post/Redirect/Get without
 * putting the code in a URL), so the browser never asks to send the form again; without it, the form's
 * one-time token makes the repeated post store nothing and say so.
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

const reports = async () => (await server.database.db.selectFrom('reports').select('id').execute()).length;
const messages = async () => (await server.database.db.selectFrom('report_messages').select('id').execute()).length;

/** Every request the page makes from now on, as "METHOD path". */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === server.url && !url.pathname.startsWith('/assets/')) seen.push(`${r.method()} ${url.pathname}`);
  });
  return seen;
}

async function sendReport(page: Page, javaScript: boolean): Promise<string> {
  await page.goto(`${server.url}/de/report`);
  if (javaScript) await page.locator('.progress').first().waitFor();
  await page.locator('#description').fill('Im Supermarkt wurde ich nicht bedient, weil ich ein Kopftuch trage.');
  if (javaScript)
    for (let i = 0; i < 5; i++) await page.locator('section.step:not([hidden]) .step-nav .primary').click();
  await page.getByRole('button', { name: 'Meldung prüfen' }).click();
  await page.getByLabel('Ich bin einverstanden').check();
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await page.locator('#receipt-code').waitFor();
  return (await page.locator('#receipt-code').textContent())!.trim();
}

describe('after sending a report', () => {
  it('with JavaScript, a reload, Back and Forward make no post and store nothing new', async () => {
    const { context, page } = await phonePage(browser);
    const before = await reports();
    await sendReport(page, true);
    await expect.poll(() => page.url(), SETTLED).toMatch(/\/de\/report\/sent$/);
    expect(await reports()).toBe(before + 1);

    const requests = recordRequests(page);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Diese Meldung ist schon angekommen');
    expect(await page.locator('main').textContent()).toContain(
      'Bitte benutzen Sie den Code von diesem ersten Bildschirm.',
    );
    await page.goBack();
    // The form of the sent report is empty: its draft went with the sending.
    await expect.poll(() => page.locator('h1').textContent(), SETTLED).toBe('Ihre Meldung');
    expect(await page.locator('#description').inputValue()).toBe('');
    // A new report begun here is not lost by a look at the old receipt's address.
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill('Ein neuer Bericht.');
    await page.goForward();
    await expect.poll(() => page.locator('h1').textContent(), SETTLED).toBe('Diese Meldung ist schon angekommen');
    await page.goBack();
    await expect.poll(() => page.locator('#description').inputValue(), SETTLED).toBe('Ein neuer Bericht.');

    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(await reports()).toBe(before + 1);
    await context.close();
  });

  it('without JavaScript, a reload, Back and Forward post again, and the repeat stores nothing', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
    const before = await reports();
    await sendReport(page, false);
    expect(await reports()).toBe(before + 1);
    const requests = recordRequests(page);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Diese Meldung ist schon angekommen');
    await page.goBack();
    await page.goForward();
    expect(await page.locator('h1').textContent()).toBe('Diese Meldung ist schon angekommen');
    expect(requests).toContain('POST /de/report/send');
    expect(await reports()).toBe(before + 1);
    await context.close();
  });
});

describe('after sending a message on the receipt page', () => {
  async function openAndAnswer(page: Page, receipt: string) {
    await page.goto(`${server.url}/de/receipt`);
    await page.getByLabel('Ihr Code').fill(receipt);
    await page.getByRole('button', { name: 'Meldung öffnen' }).click();
    await page.getByLabel('Ihre Nachricht').fill('Es war an einem Dienstag, gegen Mittag.');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    await expect
      .poll(() => page.locator('.notice[role="status"]').textContent(), SETTLED)
      .toBe('Ihre Nachricht ist gespeichert.');
  }

  it('with JavaScript, a reload shows the code form again and stores nothing', async () => {
    const { context, page } = await phonePage(browser);
    const receipt = await sendReport(page, true);
    const before = await messages();
    await openAndAnswer(page, receipt);
    await expect.poll(() => page.url(), SETTLED).toMatch(/\/de\/receipt$/);
    const requests = recordRequests(page);
    await page.reload();
    expect(await page.getByLabel('Ihr Code').inputValue()).toBe('');
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(await messages()).toBe(before + 1);
    await context.close();
  });

  it('without JavaScript, a reload posts again and the repeat stores nothing', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
    const receipt = await sendReport(page, false);
    const before = await messages();
    await openAndAnswer(page, receipt);
    await page.reload();
    expect(await page.locator('.notice[role="status"]').textContent()).toBe(
      'Diese Nachricht war schon gesendet. Wir haben sie nicht noch einmal gespeichert.',
    );
    expect(await page.locator('.messages li').count()).toBe(1);
    expect(await messages()).toBe(before + 1);
    await context.close();
  });
});
