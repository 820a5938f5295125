import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { generatedReports, insertGeneratedReports } from '../helpers/generated-reports';
import { fixedClock, startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

/** Set STATS_REPORT_PDF to a folder to keep the printed report (report-de.pdf, report-en.pdf) for a look. */
const PDF_DIR = process.env.STATS_REPORT_PDF;
const clock = fixedClock('2026-02-10T09:00:00.000Z');
let server: TestServer;
let browser: Browser;
let analystCookie: string;
let adminCookie: string;

beforeAll(async () => {
  server = await startTestServer({ clock });
  browser = await launchBrowser();
  const municipalities = server.config.office.municipalities.map((m) => m.code);
  await insertGeneratedReports(server.database.db, generatedReports(600, { years: [2024, 2025], municipalities }));
  analystCookie = (await signedInStaff(server, 'analyst', 'anna', clock)).cookie;
  const admin = await signedInStaff(server, 'admin', 'ada', clock);
  adminCookie = admin.cookie;
  await admin.request('PUT', '/api/staff/settings/public-statistics', { json: { enabled: true } });
  // Publishing two years of small counts takes a while on a busy machine; it is done once for these counts,
  // here, so that each test's time is the page's own.
  expect((await admin.get('/api/staff/statistics?year=2025')).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageWith(cookie: string | null, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
  }
  return context.newPage();
}

async function expectClean(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('statistics in the browser', () => {
  it('shows the back-office statistics with a chart beside each table, accessible', async () => {
    const page = await pageWith(analystCookie);
    await page.goto(`${server.url}/staff/statistics?year=2025`);
    expect(await page.locator('h1').textContent()).toMatch(/Statisti/);
    const charts = page.locator('svg.bar-chart[role="img"]');
    expect(await charts.count()).toBe(9);
    expect(await page.locator('table.stats').count()).toBe(11);
    await expectClean(page);
  });

  // axe-core over eleven full tables takes a while on a busy 2-core machine: one language a test, a minute each.
  it.each(['de', 'en'] as const)(
    'prints the report on A4 in %s, title page first, accessible',
    async (lang) => {
      const page = await pageWith(analystCookie, 1000);
      await page.goto(`${server.url}/staff/statistics/report?year=2025&lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expectClean(page);
      await page.emulateMedia({ media: 'print' });
      // A4's text width (182 mm at 96 px an inch): nothing wider, or the browser shrinks every page to fit it
      // (and the charts' text with it); each chart 82 mm wide, where its text prints at 7.5 pt.
      await page.setViewportSize({ width: 688, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(688);
      const chartWidths = await page
        .locator('svg.bar-chart')
        .evaluateAll((charts) => charts.map((c) => Math.round(c.getBoundingClientRect().width)));
      expect(chartWidths.every((w) => w >= 305)).toBe(true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      // A title page, the methodology, eleven tables: several pages, none of them blank.
      expect(pdf.length).toBeGreaterThan(20_000);
      if (PDF_DIR) {
        fs.mkdirSync(PDF_DIR, { recursive: true });
        fs.writeFileSync(path.join(PDF_DIR, `report-${lang}.pdf`), pdf);
      }
    },
    60_000,
  );

  it('shows the public page in Arabic, right to left, with suppressed figures only, accessible on a phone', async () => {
    const page = await pageWith(null, 360);
    await page.goto(`${server.url}/ar/statistics?year=2025`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('svg.bar-chart').count()).toBeGreaterThan(0);
    await expectClean(page);
  });

  it('marks exact figures as internal for an admin', async () => {
    const page = await pageWith(adminCookie);
    await page.goto(`${server.url}/staff/statistics?year=2025&exact=1`);
    expect(await page.locator('.internal-banner').textContent()).toMatch(
      /not for publication|nicht zur Veröffentlichung/,
    );
    await expectClean(page);
  });
});
