/**
 * `npm run screenshots:statistics`: the statistics as people see them, into ./screenshots/statistics/:
 * the printed annual report (Chromium's PDF, each page as PNG through pdftoppm from poppler-utils) in German
 * and English, the back-office page at 1280 px, and the public page in Arabic at 360 px. Generated reports
 * of two years, against a throwaway database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../helpers/browser';
import { generatedReports, insertGeneratedReports } from '../helpers/generated-reports';
import { REPO_ROOT } from '../helpers/process';
import { fixedClock, startTestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

const outDir = path.join(REPO_ROOT, 'screenshots', 'statistics');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const clock = fixedClock('2026-02-10T09:00:00.000Z');
const server = await startTestServer({ clock, env: { LLM_ENABLED: 'false' } });
const browser = await launchBrowser();
try {
  const municipalities = server.config.office.municipalities.map((m) => m.code);
  await insertGeneratedReports(server.database.db, generatedReports(900, { years: [2024, 2025], municipalities }));
  const admin = await signedInStaff(server, 'admin', 'ada', clock);
  await admin.request('PUT', '/api/staff/settings/public-statistics', { json: { enabled: true } });
  const [name, value] = admin.cookie.split('=') as [string, string];

  const pageAt = async (width: number, signedIn: boolean) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    if (signedIn) await context.addCookies([{ name, value, url: server.url }]);
    // The first request refreshes two years of daily aggregates: slow on a busy machine.
    context.setDefaultTimeout(120_000);
    return context.newPage();
  };

  /** A long page in parts a person can look at, one screen high each. */
  const inParts = async (page: Awaited<ReturnType<typeof pageAt>>, name: string, height: number) => {
    const { width, total } = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      total: document.documentElement.scrollHeight,
    }));
    for (let y = 0, part = 1; y < total; y += height, part++)
      await page.screenshot({
        path: path.join(outDir, `${name}-part${part}.png`),
        fullPage: true,
        clip: { x: 0, y, width, height: Math.min(height, total - y) },
      });
  };

  for (const lang of ['de', 'en'] as const) {
    const page = await pageAt(1000, true);
    await page.goto(`${server.url}/staff/statistics/report?year=2025&lang=${lang}`);
    await inParts(page, `report-${lang}-screen`, 1200);
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(outDir, `report-${lang}.pdf`);
    fs.writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    execFileSync('pdftoppm', ['-png', '-r', '90', pdf, path.join(outDir, `report-${lang}-page`)]);
  }
  const staffPage = await pageAt(1280, true);
  await staffPage.goto(`${server.url}/staff/statistics?year=2025`);
  await inParts(staffPage, 'staff-1280', 1000);
  const publicPage = await pageAt(360, false);
  await publicPage.goto(`${server.url}/ar/statistics?year=2025`);
  await inParts(publicPage, 'public-ar-360', 1400);
  console.log(`Wrote ${fs.readdirSync(outDir).length} files to ${path.relative(process.cwd(), outDir)}/`);
} finally {
  await browser.close();
  await server.close();
}
