import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phraseText } from '../../shared/i18n/phrasebook';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../fake-libretranslate/server';
import {
  axeViolations,
  axeViolationsWithoutScripts,
  describeViolations,
  launchBrowser,
  phonePage,
} from '../helpers/browser';
import { REPO_ROOT } from '../helpers/process';
import { postForm, startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff, STAFF_PASSWORD } from '../helpers/staff';
import { eventually } from '../helpers/translation';

/** Pictures of the pages this test visits, for people to look at (the Arabic receipt page at 360 px above all). */
const SHOTS = path.join(REPO_ROOT, 'screenshots');

const receiptIn = (html: string) => html.match(/id="receipt-code"[^>]*>(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, '');

async function sendReport(server: TestServer, locale: string, description: string): Promise<string> {
  const sent = await postForm(`${server.url}/${locale}/report/send`, [
    ['description', description],
    ['incidentForms', 'denial_unequal_treatment'],
    ['lifeDomain', 'housing'],
    ['consent', 'on'],
  ]);
  expect(sent.status).toBe(201);
  return receiptIn(sent.html)!;
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The reporter opens their receipt page on a phone, with nothing but the code. */
async function openReceipt(page: Page, server: TestServer, locale: string, receipt: string) {
  await page.goto(`${server.url}/${locale}/receipt`);
  await page.locator('#receipt').fill(receipt);
  await page.locator('form.card button[type=submit]').click();
  await page.locator('.messages').waitFor();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an office without any translator', () => {
  let server: TestServer;
  let receipt: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRANSLATION_BACKEND: 'none', LLM_ENABLED: 'false' } });
    await signedInStaff(server, 'caseworker', 'deniz');
    receipt = await sendReport(server, 'tr', 'Ev sahibi bana daireyi vermedi, çünkü adım yabancı.');
    await sendReport(server, 'de', 'Im Bus wurde ich beleidigt.');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the caseworker answers a Turkish report from the phrasebook; the reporter reads it in Turkish', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${server.url}/staff/inbox`);
    await page.getByLabel('Benutzername').fill('deniz');
    await page.getByLabel('Passwort').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL('**/staff/inbox');
    await page.getByLabel('Sprache', { exact: true }).selectOption('tr');
    await page.getByRole('button', { name: 'Anwenden' }).click();
    await expect.poll(() => page.locator('table.inbox tbody tr').count()).toBe(1);
    expect(await page.locator('table.inbox tbody').textContent()).toContain('Türkçe (tr)');
    await page.locator('table.inbox tbody tr a').first().click();
    await page.waitForURL(/\/staff\/reports\/\d+$/);
    expect(await page.locator('.facts').textContent()).toContain('Türkçe (tr)');
    expect(await page.locator('.translation-state').textContent()).toContain('Kein Übersetzungsdienst eingerichtet');

    await page.getByLabel('Um mehr Details bitten').check();
    await page.getByLabel('Antwort an die meldende Person').fill('Bis bald.');
    await page.getByRole('button', { name: 'Vorschau: So liest die Person die Antwort' }).click();
    const preview = page.locator('.reply-preview');
    await expect.poll(() => preview.textContent()).toContain(phraseText('more_detail', 'tr'));
    expect(await preview.textContent()).toContain('Ihre eigenen Worte liest die Person auf Deutsch');
    expect(await preview.locator('p[lang="de"]').textContent()).toBe('Bis bald.');
    // Nothing sent yet; the form keeps the choice and the words.
    expect(await page.locator('.messages').count()).toBe(0);
    expect(await page.getByLabel('Antwort an die meldende Person').inputValue()).toBe('Bis bald.');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await shot(page, 'staff-1280-reply-preview-tr');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await expect.poll(() => page.locator('.messages').textContent()).toContain(phraseText('more_detail', 'de'));
    await context.close();

    for (const javaScriptEnabled of [true, false]) {
      const { context: phone, page: reader } = await phonePage(browser, { javaScriptEnabled, locale: 'tr-TR' });
      await openReceipt(reader, server, 'tr', receipt);
      const message = reader.locator('.message.from-office');
      expect(await message.locator('p[lang="tr"]').first().textContent()).toBe(phraseText('more_detail', 'tr'));
      // The caseworker's own words: said to be German, in the reader's language, before them.
      expect(await message.textContent()).toContain('Bu bölüm Almanca:');
      expect(await message.locator('p[lang="de"]').first().textContent()).toBe('Bis bald.');
      await reader.getByText('Almanca aslını göster').click();
      expect(await message.locator('details.original').getAttribute('open')).toBe('');
      await reader.close();
      await phone.close();
    }
  });
});

describe('an office with a LibreTranslate server', () => {
  let libre: FakeLibreTranslate;
  let server: TestServer;
  let receipt: string;
  beforeAll(async () => {
    libre = await startFakeLibreTranslate();
    server = await startTestServer({ env: { LIBRETRANSLATE_URL: libre.url, LLM_ENABLED: 'false' } });
    receipt = await sendReport(server, 'ar', 'صاحب البيت لم يعطني الشقة.');
    const staff = await signedInStaff(server, 'caseworker', 'mira');
    const { rows } = (await staff.get('/api/staff/reports?language=ar')).json as { rows: { id: number }[] };
    const sent = await staff.post(`/api/staff/reports/${rows[0]!.id}/messages`, {
      phrase: 'acknowledge',
      body: 'Vielen Dank für Ihre Nachricht. Wir melden uns bald.',
    });
    expect(sent.status).toBe(201);
    await eventually(async () =>
      server.database.db
        .selectFrom('report_messages')
        .select('id')
        .where('translation_locale', '=', 'ar')
        .executeTakeFirst(),
    );
  });
  afterAll(async () => {
    await server?.close();
    await libre?.close();
  });

  it('an Arabic reader reads the answer right to left, told in Arabic that it is machine translated, the German one tap away', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { context, page } = await phonePage(browser, { javaScriptEnabled, locale: 'ar' });
      await openReceipt(page, server, 'ar', receipt);
      const message = page.locator('.message.from-office');
      const [phrase, machine] = await message.locator('p.body[lang="ar"]').all();
      expect(await phrase!.textContent()).toBe(phraseText('acknowledge', 'ar'));
      expect(await machine!.textContent()).toBe('شكراً جزيلاً لرسالتك. سنكتب لك قريباً.');
      for (const text of [phrase!, machine!])
        expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(await message.textContent()).toContain('ترجمة آلية من الألمانية، وقد تحتوي على أخطاء.');
      // The German original, collapsed, left to right, one tap away.
      const original = message.locator('details.original');
      expect(await original.locator('p.body').isVisible()).toBe(false);
      await original.locator('summary').click();
      const german = original.locator('p.body[lang="de"]');
      expect(await german.textContent()).toContain('Vielen Dank für Ihre Nachricht. Wir melden uns bald.');
      expect(await german.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const violations = javaScriptEnabled
        ? await axeViolations(page)
        : await axeViolationsWithoutScripts(browser, page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await shot(page, `ar-360-receipt-translated${javaScriptEnabled ? '' : '-nojs'}`);
      await context.close();
    }
  });
});
