import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsWithoutScripts, describeViolations, launchBrowser } from '../helpers/browser';
import { fixedClock, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { signedInStaff, type StaffClient } from '../helpers/staff';

/** Set STAFF_SCREENSHOTS to a folder to keep a picture of every page this test visits. */
const SHOTS = process.env.STAFF_SCREENSHOTS;
const clock = fixedClock('2026-11-05T09:00:00.000Z');
let server: TestServer;
let browser: Browser;
let clara: StaffClient;
let ben: StaffClient;

/** Sent without the proof of work (a fresh object each time: the helper takes the empty header out). */
const unverified = () => ({ 'x-altcha': '' });
const copy = (word: string) =>
  `Am Bahnhof in Eschweiler hat mich gestern ein ${word} rassistisch beleidigt und bedroht, niemand hat geholfen.`;

beforeAll(async () => {
  server = await startTestServer({ clock });
  browser = await launchBrowser();
  clara = await signedInStaff(server, 'caseworker', 'clara', clock);
  ben = await signedInStaff(server, 'caseworker', 'ben', clock);
  const send = (description: string, headers: Record<string, string> = unverified()) =>
    postJson(`${server.url}/api/reports`, validReport({ description }), headers);
  await send('Im Jobcenter hat mich die Sachbearbeiterin vor allen anderen ausgelacht, wegen meines Akzents.', {});
  await send('Kaufen Sie jetzt günstige Uhren, besuchen Sie unsere Seite, beste Preise garantiert heute.');
  await send('Der Hausmeister hat unseren Briefkasten beschmiert und uns im Treppenhaus bedroht.');
  for (const word of ['Mann', 'Typ', 'Kerl', 'Fahrer', 'Nachbar', 'Jugendlicher']) await send(copy(word));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clara's session in a browser without JavaScript. */
async function noScriptPage(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    javaScriptEnabled: false,
    locale: 'de-DE',
  });
  await context.addCookies([{ name: 'meldestelle_staff', value: clara.cookie.split('=')[1]!, url: server.url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  return { context, page };
}

async function look(page: Page, name: string) {
  const violations = await axeViolationsWithoutScripts(browser, page);
  expect(violations, describeViolations(violations)).toEqual([]);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
}

const rejectedAsSpam = () =>
  server.database.db
    .selectFrom('reports')
    .select('id')
    .where('status', '=', 'rejected')
    .where('reject_reason', '=', 'spam')
    .execute();

describe('flagged reports in the inbox, without JavaScript', () => {
  it('filters by the flag, shows copies as one group, and rejects chosen reports as spam after asking', async () => {
    const { context, page } = await noScriptPage(1280);
    await page.goto(`${server.url}/staff/inbox`);
    // Six copies are one row; each flagged row says so in words.
    expect(await page.locator('table.inbox tbody tr').count()).toBe(4);
    expect(await page.locator('table.inbox').textContent()).toContain('6 fast gleiche Meldungen');
    expect(await page.locator('table.inbox .tag.flagged').count()).toBe(3);

    await page.getByLabel('Markierung').selectOption('unverified');
    await page.getByRole('button', { name: 'Anwenden' }).click();
    await page.waitForURL(/flag=unverified/);
    expect(await page.locator('table.inbox tbody tr').count()).toBe(3);
    expect(await page.locator('table.inbox').textContent()).not.toContain('Jobcenter');
    await look(page, 'inbox-flagged-1280');

    await page.getByRole('checkbox', { name: /Alle 6 fast gleichen Meldungen/ }).check();
    const spamRow = page.locator('table.inbox tbody tr', { hasText: 'günstige Uhren' });
    await spamRow.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Ausgewählte als Spam ablehnen …' }).click();
    await page.waitForURL(/\/staff\/inbox\/spam\?/);
    expect(await page.locator('h1').textContent()).toBe('Als Spam ablehnen?');
    expect(await page.locator('.spam-candidates li').count()).toBe(7);
    // Asking changes nothing.
    expect(await rejectedAsSpam()).toEqual([]);
    await look(page, 'spam-confirm-1280');

    await page.getByRole('button', { name: '7 Meldungen als Spam ablehnen' }).click();
    await page.waitForURL(/\/staff\/inbox\?notice=/);
    expect(await page.locator('[role=status]').first().textContent()).toContain('als Spam abgelehnt');
    expect(await rejectedAsSpam()).toHaveLength(7);
    await context.close();
  });

  it('tells Clara when Ben counted a report she chose meanwhile, and rejects nothing', async () => {
    const { context, page } = await noScriptPage(360);
    await page.goto(`${server.url}/staff/inbox?flag=flagged&status=new`);
    expect(await page.locator('table.inbox tbody tr').count()).toBe(1);
    await look(page, 'inbox-flagged-360');
    const row = page.locator('table.inbox tbody tr', { hasText: 'Hausmeister' });
    const id = Number((await row.locator('a').first().textContent())!.replace('#', ''));
    await row.getByRole('checkbox').check();
    // Ben, at the same time, reads the report and counts it.
    expect((await ben.post(`/api/staff/reports/${id}/count`)).status).toBe(200);
    await page.getByRole('button', { name: 'Ausgewählte als Spam ablehnen …' }).click();
    await page.getByRole('button', { name: '1 Meldung als Spam ablehnen' }).click();
    await page.waitForURL(/error=errors\.reports_changed/);
    expect(await page.locator('[role=alert]').textContent()).toContain('Es wurde nichts abgelehnt');
    expect(await page.locator('.error-summary', { hasText: 'von jemand anderem geändert:' }).textContent()).toContain(
      `#${id}`,
    );
    await look(page, 'inbox-changed-360');
    const report = await server.database.db
      .selectFrom('reports')
      .select(['status', 'flag'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ status: 'new', flag: null });
    await context.close();
  });

  it('counts a flagged report from its page after reading it, in English', async () => {
    const sent = await postJson(
      `${server.url}/api/reports`,
      validReport({ description: 'Sent from an old phone: at the bakery they refused to serve my mother.' }),
      unverified(),
    );
    expect(sent.status).toBe(201);
    const { id } = await server.database.db
      .selectFrom('reports')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const { context, page } = await noScriptPage(1280);
    await page.goto(`${server.url}/staff/account`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${server.url}/staff/reports/${id}`);
    expect(await page.locator('.flagged-report').textContent()).toContain('Not yet counted in the statistics');
    await look(page, 'report-flagged-1280-en');
    await page.getByRole('button', { name: 'Count this report' }).click();
    await page.waitForURL(/notice=notices\.counted/);
    expect(await page.locator('[role=status]').first().textContent()).toContain('now counts in the statistics');
    expect(await page.locator('.flagged-report').count()).toBe(0);
    await context.close();
  });
});
