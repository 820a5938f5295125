import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsWithoutScripts, describeViolations, launchBrowser } from '../helpers/browser';
import { eventually, TestSmtpServer } from '../helpers/notice-receivers';
import { fixedClock, startTestServer, type TestServer } from '../helpers/server';
import { signedInStaff } from '../helpers/staff';

/** Set STAFF_SCREENSHOTS to a folder to keep a picture of the notifications page. */
const SHOTS = process.env.STAFF_SCREENSHOTS;
const clock = fixedClock('2026-11-02T09:00:00.000Z');
const smtp = new TestSmtpServer();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await smtp.start();
  server = await startTestServer({ clock, env: { ...smtp.env(), NOTIFY_OFFICE_MAILBOX: 'team@office.example' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp.stop();
});

/** A signed-in staff member's browser without JavaScript: the back office is plain forms. */
async function staffPage(role: 'caseworker' | 'admin', username: string): Promise<Page> {
  const client = await signedInStaff(server, role, username, clock);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  const [name, value] = client.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  return context.newPage();
}

async function look(page: Page, name: string) {
  const violations = await axeViolationsWithoutScripts(browser, page);
  expect(violations, describeViolations(violations)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
}

describe('notifications in the back office, without JavaScript', () => {
  it('a caseworker opts in, sends a test mail and it arrives', async () => {
    const page = await staffPage('caseworker', 'clara');
    await page.goto(`${server.url}/staff`);
    await page.getByRole('link', { name: 'Benachrichtigungen' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/staff/notifications`);
    await look(page, 'notifications-caseworker');

    await page.getByLabel('Sofort bei jeder neuen Meldung').check();
    await page.getByLabel('E-Mail-Adresse').fill('clara@office.example');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('p.notice[role="status"]').textContent()).toContain('gespeichert');
    expect(await page.getByLabel('Sofort bei jeder neuen Meldung').isChecked()).toBe(true);
    expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe('clara@office.example');

    await page.getByRole('button', { name: 'Test-Mail an mich senden' }).click();
    await expect.poll(() => page.locator('p.notice[role="status"]').textContent()).toContain('unterwegs');
    await eventually(() => smtp.mails.some((m) => m.to === 'clara@office.example'), 'the test mail');
    expect(smtp.mails.find((m) => m.to === 'clara@office.example')!.subject).toBe(
      'Meldestelle: Test der Benachrichtigungen',
    );
    await page.context().close();
  });

  it('an admin sees a failed notice in the queue, with its reason and no content', async () => {
    const jan = await signedInStaff(server, 'caseworker', 'jan', clock);
    await jan.request('PUT', '/api/staff/notifications', { json: { mode: 'instant', email: 'nobody@office.example' } });
    expect((await jan.post('/api/staff/notifications/test', {})).status).toBe(202);
    await eventually(async () => {
      const rows = await server.database.db.selectFrom('notification_queue').select('failed_on').execute();
      return rows.some((r) => r.failed_on);
    }, 'the refused mail noted as failed');

    const page = await staffPage('admin', 'ada');
    await page.goto(`${server.url}/staff/notifications`);
    const row = page.locator('table.notice-queue tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual([
      'Meldestelle: Test der Benachrichtigungen',
      'Test caseworker',
      'gescheitert am 02.11.2026',
      '1',
      'smtp 550',
    ]);
    expect(await page.content()).not.toContain('nobody@');
    // The shared mailbox is tested from here; its mail arrives.
    await page.getByRole('button', { name: 'Test an das gemeinsame Postfach' }).click();
    await eventually(() => smtp.mails.some((m) => m.to === 'team@office.example'), 'the shared mailbox test');
    await look(page, 'notifications-admin');
    await page.context().close();
  });
});
