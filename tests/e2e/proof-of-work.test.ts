import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { lastReport } from '../helpers/reports';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';

/** `POW_SCREENSHOTS=./screenshots npx vitest run tests/e2e/proof-of-work.test.ts` keeps the pictures. */
const SHOTS = process.env.POW_SCREENSHOTS;

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer({ env: { LLM_ENABLED: 'false' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone-sized page that records requests leaving the portal, script errors and CSP violations. */
async function openPage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url) && !req.url().startsWith('data:')) problems.push(`request ${req.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console ${message.text()}`);
  });
  return { context, page, problems };
}

/** The review screen for a short report, reached as the form reaches it: a post of the form's fields. */
async function openReview(page: Page, locale: string, description: string) {
  await page.goto(`${server.url}/${locale}/report`);
  await page.evaluate(
    ({ locale, description }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = `/${locale}/report/review`;
      const text = document.createElement('textarea');
      text.name = 'description';
      text.value = description;
      form.append(text);
      document.body.append(form);
      form.submit();
    },
    { locale, description },
  );
  await page.waitForURL('**/report/review');
}

const widgetState = (page: Page) =>
  page.evaluate(() => (document.querySelector('altcha-widget') as unknown as { getState?(): string })?.getState?.());

describe('the proof of work in Chromium', () => {
  it('is solved while the review is read, from this origin only, accessible, and the report is not flagged', async () => {
    const { context, page, problems } = await openPage();
    await openReview(page, 'de', 'Im Bus hat mich ein Mann beschimpft, weil ich Kopftuch trage.');
    await expect.poll(() => widgetState(page), { timeout: 20_000 }).toBe('verified');
    expect(await page.locator('altcha-widget').textContent()).toContain('Geprüft. Sie können senden.');
    // Nothing was refused by the Content-Security-Policy (checked before axe, whose own injection is refused).
    expect(problems).toEqual([]);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.waitForURL('**/de/report/send');
    expect((await lastReport(server)).flag).toBeNull();
    await context.close();
  });

  it('holds a send pressed during the check, and sends it when the answer is there', async () => {
    const { context, page, problems } = await openPage();
    // The challenge arrives late, as on a slow network: the widget is still at work when the person sends.
    await page.route('**/api/challenge/report', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await openReview(page, 'de', 'Der Vermieter sagte, an Ausländer vermiete er nicht.');
    await page.getByLabel('Ich bin einverstanden').check();
    await expect.poll(() => widgetState(page)).toBe('verifying');
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.waitForURL('**/de/report/send', { timeout: 20_000 });
    expect((await lastReport(server)).flag).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a browser without JavaScript send, says so, and marks the report as not verified', async () => {
    const { context, page, problems } = await openPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/de/report`);
    await page.getByLabel('Beschreiben Sie, was passiert ist').fill('Am Bahnhof wurde ich kontrolliert, nur ich.');
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    expect(await page.locator('.proof-of-work').textContent()).toContain('Ohne JavaScript');
    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    expect(await page.locator('#receipt-code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect((await lastReport(server)).flag).toBe('unverified');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends a message from the receipt page with an answer, solved once the person starts writing', async () => {
    const created = await postJson(`${server.url}/api/reports`, validReport());
    const { context, page, problems } = await openPage();
    const posted: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/receipt/messages')) posted.push(req.postData() ?? '');
    });
    await page.goto(`${server.url}/de/receipt`);
    await page.getByLabel('Ihr Code').fill(created.json.receipt);
    await page.getByRole('button', { name: 'Meldung öffnen' }).click();
    await expect.poll(() => widgetState(page)).toBe('unverified');
    await page.getByLabel('Ihre Nachricht').fill('Es ist wieder passiert, diesmal an der Haltestelle.');
    await expect.poll(() => widgetState(page), { timeout: 20_000 }).toBe('verified');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    await expect.poll(() => page.locator('.notice[role="status"]').textContent()).toContain('gespeichert');
    // Urlencoded, or multipart where the form takes files: either way a non-empty answer.
    expect(posted[0]).toMatch(/(^|&)altcha=[^&]+|name="altcha"\r\n\r\n[^\r]+/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives the assistant turns an answer once it is solved', async () => {
    const { context, page, problems } = await openPage();
    const proofs: boolean[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/assistant/turn')) proofs.push(Boolean(req.headers()['x-altcha']));
    });
    await page.goto(`${server.url}/de/assistant`);
    for (const text of ['Im Supermarkt wurde ich beleidigt.', 'Letzten Monat.', 'In Eschweiler.']) {
      const before = await page.locator('.bubble').count();
      await page.locator('#chat-input').fill(text);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.bubble').count()).toBeGreaterThan(before + 1);
      await expect.poll(() => page.locator('[role="log"]').getAttribute('aria-busy')).toBe('false');
      await page.waitForTimeout(300);
    }
    expect(proofs.length).toBeGreaterThanOrEqual(3);
    expect(proofs.at(-1)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(['de', 'ar'])('looks right beside the send button at 360 px (%s)', async (locale) => {
    const { context, page, problems } = await openPage();
    await openReview(page, locale, 'Im Bus hat mich ein Mann beschimpft.');
    await expect.poll(() => widgetState(page), { timeout: 20_000 }).toBe('verified');
    const widget = await page.locator('altcha-widget').boundingBox();
    const button = await page.locator('.consent button[type=submit]').boundingBox();
    // Inside the page's width, above the button, and not overlapping it.
    expect(widget!.x).toBeGreaterThanOrEqual(0);
    expect(widget!.x + widget!.width).toBeLessThanOrEqual(360);
    expect(widget!.y + widget!.height).toBeLessThanOrEqual(button!.y);
    if (locale === 'ar') expect(await page.locator('altcha-widget .altcha').getAttribute('dir')).toBe('rtl');
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.locator('.consent').scrollIntoViewIfNeeded();
      // The check mark's animation is over.
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(SHOTS, `review-send-proof-of-work-${locale}-360.png`) });
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
