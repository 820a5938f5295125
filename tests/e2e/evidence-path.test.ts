import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, axeViolationsWithoutScripts, describeViolations, launchBrowser } from '../helpers/browser';
import { lastReply, say, tap } from '../helpers/chat';
import { fixture, metadataLeaks } from '../helpers/evidence';
import { REPO_ROOT } from '../helpers/process';
import { postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

const PHOTO = path.join(REPO_ROOT, 'tests', 'fixtures', 'evidence', 'phone-photo.jpg');
const SCREENSHOT = path.join(REPO_ROOT, 'tests', 'fixtures', 'evidence', 'screenshot.png');
const SHOTS = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots', 'evidence');

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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

/** The files the office holds of the newest report, as a caseworker downloads them. */
async function filesOfNewestReport(): Promise<Buffer[]> {
  const staff = await signedInStaff(server, 'caseworker');
  const inbox = await staff.get('/api/staff/reports');
  const listed = await staff.get(`/api/staff/reports/${inbox.json.rows[0].id}/evidence`);
  const files: Buffer[] = [];
  for (const f of listed.json.files as { id: string }[]) {
    const res = await fetch(`${server.url}/api/staff/evidence/${f.id}`, { headers: { cookie: staff.cookie } });
    files.push(Buffer.from(await res.arrayBuffer()));
  }
  return files;
}

const thumbnails = (page: Page) => page.locator('img.evidence-thumbnail');

describe('evidence in the report form in Chromium', () => {
  it('with JavaScript: a photo chosen, shown cleaned on the review, kept over reload and Back, sent with the report', async () => {
    const { context, page, foreign } = await openPage();
    await page.goto(`${server.url}/de/report`);
    await page
      .getByLabel('Beschreiben Sie, was passiert ist')
      .fill('Die Wohnungsanzeige sagt: keine Ausländer. Ich habe ein Foto davon gemacht.');
    await page.getByLabel('Abgelehnt oder schlechter behandelt').check();
    // Reaching the file field starts the upload's proof of work, solved while the person picks a file.
    const solving = page.waitForEvent('worker', { timeout: 10_000 });
    await page.locator('#evidence-input').focus();
    const solver = await solving;
    await new Promise((resolve) => solver.once('close', resolve));
    const uploaded = page.waitForRequest((r) => r.url().endsWith('/api/evidence') && r.method() === 'POST');
    await page.locator('#evidence-input').setInputFiles([PHOTO, SCREENSHOT]);
    expect((await uploaded).headers()['x-altcha']).toBeTruthy();
    // Both are cleaned on the server at once and come back as small pictures; nothing of their names.
    await expect.poll(() => thumbnails(page).count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('#q-evidence').textContent()).not.toContain('phone-photo');
    await expectAccessible(page);

    // A file can be removed before sending.
    await page.getByRole('button', { name: /^Entfernen: Bild 2/ }).click();
    await expect.poll(() => thumbnails(page).count()).toBe(1);

    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Jahr').fill('2026');
    await page.getByLabel('Monat', { exact: true }).selectOption('10');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Stolberg').check();
    await page.getByLabel('Bus, Bahn, Haltestelle').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Rassismus, Herkunft, Hautfarbe').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Es ist mir selbst passiert').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();

    await page.waitForURL('**/de/report#review');
    await page.locator('#stored-description').waitFor();
    await expect.poll(() => thumbnails(page).count()).toBe(1);
    expect(await page.locator('.evidence-warning').first().textContent()).toContain('Bilder werden nicht anonymisiert');
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, 'review-de-js-360.png'), fullPage: true });

    // A reload of the review screen keeps the picture; so does Back to the form and forward again.
    await page.reload();
    await page.locator('#stored-description').waitFor();
    await expect.poll(() => thumbnails(page).count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.locator('#evidence-input').count()).toBe(1);
    await expect.poll(() => thumbnails(page).count()).toBe(1);
    await page.goForward();
    await page.locator('#stored-description').waitFor();
    await expect.poll(() => thumbnails(page).count()).toBe(1);

    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.locator('#receipt-code').waitFor();
    expect(foreign).toEqual([]);
    await context.close();

    const stored = await filesOfNewestReport();
    expect(stored).toHaveLength(1);
    expect(await metadataLeaks(stored[0]!)).toEqual([]);
  });

  it('without JavaScript, in Arabic: the file travels with the form, is shown on the review and sent', async () => {
    const { context, page, foreign } = await openPage({ javaScriptEnabled: false, locale: 'ar' });
    await page.goto(`${server.url}/ar/report`);
    await page.locator('#description').fill('رفض صاحب الشقة تأجيرها لي بسبب اسمي. عندي صورة من الإعلان.');
    await page.locator('input[name="municipality"][value="stolberg"]').check();
    await page.locator('#evidence-input').setInputFiles([PHOTO]);
    await expectAccessible(page, false);
    await page.screenshot({ path: path.join(SHOTS, 'form-ar-nojs-360.png'), fullPage: true });
    await page.locator('form.report-form button[type="submit"]').last().click();

    await page.locator('#stored-description').waitFor();
    expect(await thumbnails(page).count()).toBe(1);
    expect(await page.locator('.evidence-warning').first().textContent()).toMatch(/[\u0600-\u06FF]/);
    await expectAccessible(page, false);
    await page.screenshot({ path: path.join(SHOTS, 'review-ar-nojs-360.png'), fullPage: true });

    await page.locator('input[name="consent"]').check();
    await page.locator('#review-form button[type="submit"]').last().click();
    await page.locator('#receipt-code').waitFor();
    expect(foreign).toEqual([]);
    await context.close();

    const stored = await filesOfNewestReport();
    expect(stored).toHaveLength(1);
    expect(await metadataLeaks(stored[0]!)).toEqual([]);
    expect(stored[0]!.equals(fixture('phone-photo.jpg'))).toBe(false);
  });

  it('without JavaScript: a bad file is named with its reason, and the typed text stays', async () => {
    const { context, page } = await openPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/de/report`);
    const typed = 'Im Chat stand mein Name mit einer Beleidigung. Hier der Screenshot.';
    await page.getByLabel('Beschreiben Sie, was passiert ist').fill(typed);
    await page.getByLabel('Stolberg').check();
    await page.locator('#evidence-input').setInputFiles({
      name: 'chat.jpg',
      mimeType: 'image/jpeg',
      buffer: fixture('truncated.jpg'),
    });
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    expect(await page.locator('.evidence-refused').textContent()).toContain('chat.jpg');
    expect(await page.locator('.evidence-refused').textContent()).toContain('beschädigt oder unvollständig');
    expect(await page.getByLabel('Beschreiben Sie, was passiert ist').inputValue()).toBe(typed);
    expect(await page.getByLabel('Stolberg').isChecked()).toBe(true);
    await expectAccessible(page, false);
    await context.close();
  });

  it('in the assistant: the chat ends by asking for a screenshot, letter or photo, which goes to the review', async () => {
    const { context, page, foreign } = await openPage();
    await page.goto(`${server.url}/de/assistant`);
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    await say(page, 'In der Wohnungsanzeige stand: nur Deutsche. Ich habe einen Screenshot.');
    // A short story earns one invitation to say more; then the questions, each skipped.
    expect(await lastReply(page)).toContain('Möchten Sie noch mehr');
    await tap(page, 'Das war alles');
    for (let i = 0; i < 16 && !(await lastReply(page))?.includes('Bitte prüfen Sie jetzt'); i++) {
      await tap(page, 'Frage überspringen');
    }
    const handoff = page.locator('form.handoff');
    expect(await handoff.locator('.evidence-title').textContent()).toContain('Screenshots, Fotos, Briefe');
    expect(await handoff.locator('.evidence-warning').textContent()).toContain('Bilder werden nicht anonymisiert');
    await expectAccessible(page);
    await handoff.locator('input[type="file"]').setInputFiles([SCREENSHOT]);
    await page.screenshot({ path: path.join(SHOTS, 'assistant-de-js-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'Meine Meldung prüfen' }).click();

    await page.locator('#stored-description').waitFor();
    await expect.poll(() => thumbnails(page).count()).toBe(1);
    await page.getByLabel('Ich bin einverstanden').check();
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.locator('#receipt-code').waitFor();
    expect(foreign).toEqual([]);
    await context.close();
    const stored = await filesOfNewestReport();
    expect(stored).toHaveLength(1);
    expect(await metadataLeaks(stored[0]!)).toEqual([]);
  });

  it('on the receipt page, in Arabic: a photo added later is shown first, then sent to the office', async () => {
    const { context, page, foreign } = await openPage({ locale: 'ar' });
    // A report sent before, by the form without files.
    const sent = (await postJson(`${server.url}/api/reports`, validReport({ locale: 'ar' }))).json as {
      receipt: string;
    };
    await page.goto(`${server.url}/ar/receipt`);
    await page.locator('input[name="receipt"]').fill(sent.receipt);
    await page
      .locator('form')
      .filter({ has: page.locator('input[name="receipt"]') })
      .locator('button[type="submit"]')
      .click();
    const form = page.locator('#receipt-message');
    await form.waitFor();
    await form.locator('input[type="file"]').setInputFiles([PHOTO]);
    await form.locator('button[type="submit"]').last().click();
    await expect.poll(() => thumbnails(page).count()).toBe(1);
    expect(await page.locator('#receipt-message .notice').first().textContent()).toMatch(/[\u0600-\u06FF]/);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, 'receipt-ar-js-360.png'), fullPage: true });
    await page.locator('#receipt-message button[type="submit"]').last().click();
    await expect.poll(() => page.locator('main').textContent()).toContain('لدى الفريق ملف واحد منك.');
    expect(foreign).toEqual([]);
    await context.close();
    const stored = await filesOfNewestReport();
    expect(stored).toHaveLength(1);
    expect(await metadataLeaks(stored[0]!)).toEqual([]);
  });
});
