import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authServiceFor } from '../../server/auth/bootstrap';
import { nativeArgon2id } from '../../server/auth/native-argon2';
import { runRetention } from '../../server/retention/job';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { fixedClock, postJson, startTestServer, validReport, type TestServer } from '../helpers/server';
import { currentTotpCode, signedInStaff, STAFF_PASSWORD } from '../helpers/staff';

/** Set STAFF_SCREENSHOTS to a folder to keep a picture of every back-office page this test visits. */
const SHOTS = process.env.STAFF_SCREENSHOTS;
const clock = fixedClock('2026-11-02T09:00:00.000Z');
let server: TestServer;
let browser: Browser;
let receipt: string;
let totpSecret: string;

beforeAll(async () => {
  server = await startTestServer({ clock });
  browser = await launchBrowser();
  const clara = await signedInStaff(server, 'caseworker', 'clara', clock);
  const enrolment = await clara.post('/api/staff/totp');
  totpSecret = enrolment.json.secret;
  await clara.post('/api/staff/totp/confirm', {
    pending: enrolment.json.pending,
    code: currentTotpCode(totpSecret, clock.now()),
    password: STAFF_PASSWORD,
  });
  clock.advance(60_000);
  await authServiceFor(server.database.db, clock, server.config, nativeArgon2id).createUser(
    { id: null, name: 'test' },
    { username: 'admin', displayName: 'Admin', role: 'admin' },
  );
  for (const description of [
    'Im Bus nach Würselen wurde ich beleidigt.',
    'Am Schalter im Jobcenter wurde ich angeschrien.',
  ])
    await postJson(`${server.url}/api/reports`, validReport({ description }));
  const counselled = await postJson(
    `${server.url}/api/reports`,
    validReport({
      description: 'Der Vermieter in Eschweiler hat uns die Wohnung wegen unseres Namens nicht gegeben.',
      place: { municipality: 'eschweiler', online: false },
      lifeDomain: 'housing',
      supportWanted: true,
      contact: { email: 'ratsuchend@example.org', language: 'Arabisch' },
    }),
  );
  receipt = counselled.json.receipt;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function look(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  // Nothing may need sideways scrolling on a laptop screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
}

describe('the back office in Chromium', () => {
  it('login on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/login`);
    await look(page, 'login-360');
    await context.close();
  });

  it('login with TOTP → filter and search → code → reply → reporter answers → close → retention', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${server.url}/staff/inbox`);
    // Without a session: the login form, and back to the inbox afterwards.
    await page.getByLabel('Benutzername').fill('clara');
    await page.getByLabel('Passwort').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('Code aus Ihrer Authenticator-App');
    await page.getByLabel('Passwort').fill(STAFF_PASSWORD);
    await page.getByLabel('Code aus der Authenticator-App').fill(currentTotpCode(totpSecret, clock.now()));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL('**/staff/inbox');
    expect(await page.locator('table.inbox tbody tr').count()).toBe(3);
    await look(page, 'inbox-1280');

    await page.getByLabel('Lebensbereich').selectOption('housing');
    await page.getByLabel('wünscht Beratung').check();
    await page.getByRole('button', { name: 'Anwenden' }).click();
    await expect.poll(() => page.locator('table.inbox tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
    await page.getByLabel('Suche im Text').fill('vermieter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.inbox tbody tr').count()).toBe(1);
    await page.locator('table.inbox tbody tr a').first().click();
    await page.waitForURL(/\/staff\/reports\/\d+$/);
    expect(await page.locator('.contact').textContent()).toContain('ratsuchend@example.org');
    await look(page, 'report-1280');

    await page.getByText('Kodierung bearbeiten').click();
    await page.getByLabel('Antimuslimischer Rassismus').check();
    await page.getByRole('button', { name: 'Kodierung speichern' }).click();
    await expect
      .poll(() => page.locator('[role=status]').first().textContent())
      .toContain('Kodierung wurde gespeichert');
    const caseworkerColumn = await page.locator('table.coding tbody tr:nth-child(2) td:nth-child(3)').textContent();
    expect(caseworkerColumn).toContain('Antimuslimischer Rassismus');
    expect(caseworkerColumn).toContain('Rassismus gegen Schwarze Menschen');

    await page
      .getByLabel('Antwort an die meldende Person')
      .fill('Danke für Ihre Meldung. Wann können wir Sie erreichen?');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await expect.poll(() => page.locator('.messages').textContent()).toContain('noch nicht gelesen');

    // The reporter, with nothing but the code.
    const reporter = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'de-DE' });
    const phone = await reporter.newPage();
    await phone.goto(`${server.url}/de/receipt`);
    await phone.getByLabel('Ihr Code').fill(receipt);
    await phone.getByRole('button', { name: 'Meldung öffnen' }).click();
    await expect.poll(() => phone.locator('.messages').textContent()).toContain('Wann können wir Sie erreichen?');
    expect(await phone.locator('.message.from-office .tag').textContent()).toBe('Neu');
    await phone.getByLabel('Ihre Nachricht').fill('Am besten montags per E-Mail.');
    await phone.getByRole('button', { name: 'Senden' }).click();
    await expect.poll(() => phone.locator('.messages').textContent()).toContain('Am besten montags');
    expect(await phone.context().cookies()).toEqual([]);
    await reporter.close();

    await page.reload();
    expect(await page.locator('.message.from-reporter').textContent()).toContain('neu');
    expect(await page.locator('.message.from-office').textContent()).toContain('gelesen');

    for (const status of ['In Prüfung', 'In Bearbeitung', 'Abgeschlossen']) {
      await page.getByLabel('Neuer Status').selectOption({ label: status });
      await page.getByRole('button', { name: 'Status ändern' }).click();
      await expect.poll(() => page.locator('[role=status]').first().textContent()).toContain('Status wurde geändert');
    }
    expect(await page.locator('.contact').count()).toBe(0);
    expect(await server.database.db.selectFrom('report_contacts').selectAll().execute()).toEqual([]);

    clock.advance(25 * 31 * 24 * 3600_000);
    await runRetention({
      db: server.database.db,
      atomic: server.database.atomic,
      dialect: server.database.kind,
      clock,
      config: server.config,
    });
    await page
      .getByLabel('Benutzername')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await context.close();
  });

  it('shows accounts and the audit log to an admin, in English', async () => {
    clock.set('2026-11-03T09:00:00.000Z');
    const admin = await signedInStaff(server, 'admin', 'anna', clock);
    await admin.post('/staff/account/locale', {});
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await context.addCookies([{ name: 'meldestelle_staff', value: admin.cookie.split('=')[1]!, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/account`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${server.url}/staff/users`);
    expect(await page.locator('h1').textContent()).toBe('Accounts');
    await look(page, 'users-1280-en');
    await page.goto(`${server.url}/staff/audit`);
    expect(await page.locator('table.audit').textContent()).toContain('report.view');
    expect(await page.locator('table.audit').textContent()).not.toContain('Vermieter');
    await look(page, 'audit-1280-en');
    await page.goto(`${server.url}/staff/account`);
    await page.getByRole('button', { name: 'Set up' }).click();
    expect(await page.locator('img.qr').count()).toBe(1);
    await look(page, 'account-totp-1280-en');
    await context.close();
  });
});
