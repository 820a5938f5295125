import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsWithoutScripts, describeViolations, launchBrowser, phonePage } from '../helpers/browser';
import { TestSmtpServer } from '../helpers/notice-receivers';
import { startTestServer, type TestServer } from '../helpers/server';

/** Set NOTICE_SCREENSHOTS to a folder to keep the field as a reporter sees it. */
const SHOTS = process.env.NOTICE_SCREENSHOTS;
const smtp = new TestSmtpServer();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await smtp.start();
  server = await startTestServer({ env: smtp.env() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp.stop();
});

describe('the notice address on the report form', () => {
  it.each(['de', 'ar'])(
    'says the risk of a shared mailbox before the field, in %s, on a phone without JavaScript',
    async (locale) => {
      const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
      await page.goto(`${server.url}/${locale}/report`);
      const field = page.locator('#q-notice');
      const input = field.locator('input[name="noticeEmail"]');
      expect(await input.getAttribute('aria-describedby')).toBe('notice-hint notice-risk');
      expect((await field.locator('#notice-risk').textContent())!.length).toBeGreaterThan(40);
      const violations = await axeViolationsWithoutScripts(browser, page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await field.screenshot({ path: path.join(SHOTS, `notice-field-${locale}-360.png`) });
      }
      await context.close();
    },
  );
});
