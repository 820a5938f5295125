import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';
import { extraction, fakeLlmEnv } from '../helpers/assistant';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { lastReport } from '../helpers/reports';

let fake: FakeLlm;
let withModel: TestServer;
let withoutModel: TestServer;
let browser: Browser;
beforeAll(async () => {
  fake = await startFakeLlm();
  withModel = await startTestServer({ env: fakeLlmEnv(fake, { LLM_FIRST_TOKEN_TIMEOUT_MS: '3000' }) });
  withoutModel = await startTestServer({ env: { LLM_ENABLED: 'false' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await withModel?.close();
  await withoutModel?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

/** A phone-sized page that records any request leaving the portal and any script error. */
async function openPage(server: TestServer, locale: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url) && !req.url().startsWith('data:')) problems.push(`request ${req.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, page, problems };
}

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function say(page: Page, text: string) {
  const before = await page.locator('.bubble').count();
  await page.locator('#chat-input').fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.bubble').count()).toBeGreaterThan(before + 1);
  await expect.poll(() => page.locator('[role="log"]').getAttribute('aria-busy')).toBe('false');
}

async function tap(page: Page, label: string) {
  const before = await page.locator('.bubble').count();
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => page.locator('.bubble').count()).toBeGreaterThan(before + 1);
  await expect.poll(() => page.locator('[role="log"]').getAttribute('aria-busy')).toBe('false');
}

async function sendFromReview(page: Page, consent: string, send: string) {
  // The review comes by a post from the chat, or in the form's place once the form is used.
  await page.locator('#review-form').waitFor();
  await expectAccessible(page);
  await page.getByLabel(consent).check();
  await page.getByRole('button', { name: send }).click();
  await page.locator('#receipt-code').waitFor();
  const receipt = (await page.locator('#receipt-code').textContent())!.trim();
  expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
}

describe('the chat in Chromium, with the fake model', () => {
  it('in German: landing → chat → quick replies → review → receipt, showing model output as text only', async () => {
    const { context, page, problems } = await openPage(withModel, 'de-DE');
    await page.goto(`${withModel.url}/de/`);
    await page.getByRole('link', { name: 'Mit dem Assistenten sprechen' }).click();
    await page.waitForURL('**/de/assistant');
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    expect(await page.locator('.bubble').first().textContent()).toContain('automatischer Assistent');
    await expectAccessible(page);

    fake.enqueue(
      'extract',
      extraction({
        description: 'Im Bus 11 hat mich ein Mann als Affe beschimpft.',
        municipality: 'alsdorf',
        lifeDomain: 'public_transport',
        whenYear: 2026,
        whenMonth: 11,
        incidentForms: ['insult_harassment'],
      }),
    );
    fake.enqueue('interview', {
      text: 'Das tut mir sehr leid. <img src=x onerror="alert(1)"> Worum ging es Ihrer Meinung nach?',
      chunkSize: 4,
      chunkDelayMs: 5,
    });
    await say(page, 'Im Bus 11 hat mich ein Mann als Affe beschimpft.');
    const reply = page.locator('.bubble.assistant').last();
    expect(await reply.textContent()).toContain('<img src=x onerror="alert(1)">');
    expect(await page.locator('.chat-log img').count()).toBe(0);
    expect(await page.locator('.draft-panel summary').textContent()).toContain('(5/11)');

    // Several grounds may apply: toggles, then confirm.
    const racism = page.getByRole('button', { name: 'Rassismus, Herkunft, Hautfarbe' });
    await racism.click();
    expect(await racism.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page);
    await tap(page, 'Auswahl bestätigen');
    await tap(page, 'Frage überspringen');
    await tap(page, 'Es ist mir selbst passiert');
    await tap(page, 'Nein');
    fake.enqueue('extract', extraction({ consequences: 'Ich fahre nicht mehr gern Bus.' }));
    await say(page, 'Ich fahre nicht mehr gern Bus.');
    fake.enqueue('interview', { text: 'Danke, dass Sie das gemeldet haben. Bitte prüfen Sie nun Ihre Meldung.' });
    await tap(page, 'Nein, danke');
    expect(await page.locator('.quick-replies').count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Meine Meldung prüfen' }).click();
    await page.waitForURL('**/report/review');
    expect(await page.locator('.stored-text').first().textContent()).toContain('Bus 11');
    await sendFromReview(page, 'Ich bin einverstanden', 'Meldung senden');
    expect(await lastReport(withModel)).toMatchObject({
      channel: 'assistant',
      municipality: 'alsdorf',
      witnesses: 'no',
      consequences: 'Ich fahre nicht mehr gern Bus.',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in Arabic: right to left, help first when someone is in danger, and a fault moves on to fixed questions', async () => {
    const { context, page, problems } = await openPage(withModel, 'ar');
    await page.goto(`${withModel.url}/ar/assistant`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);

    fake.enqueue('extract', extraction({ description: 'جاري يهددني.', danger: 'acute_danger' }));
    fake.enqueue('interview', { text: 'سلامتك أهم شيء. اتصل بالرقم 110 الآن.' });
    await say(page, 'جاري يقف الآن أمام بابي ويهددني بسكين');
    const safety = page.locator('.chat-safety');
    expect(await safety.isVisible()).toBe(true);
    expect(await safety.textContent()).toContain('110');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('chat-safety'))).toBe(true);
    await expectAccessible(page);

    fake.enqueue('extract', extraction({ municipality: 'herzogenrath', whenYear: 2026 }));
    fake.enqueue('interview', { fault: 'http_500' });
    await page.locator('#chat-input').fill('في هرتسوغنرات، هذا العام');
    await page.keyboard.press('Enter');
    const error = page.locator('.chat-error');
    await expect.poll(() => error.textContent()).toContain('حدثت مشكلة لدى المساعد');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'المتابعة بأسئلة ثابتة' }).click();
    await expect
      .poll(() => page.locator('.bubble.assistant').last().textContent())
      .toContain('في أي مجال من مجالات الحياة');
    await tap(page, 'السكن، البحث عن سكن');

    fake.enqueue('translate', { text: 'Mein Nachbar bedroht mich.' });
    await page.getByRole('button', { name: 'مراجعة بلاغي' }).click();
    await sendFromReview(page, 'أوافق', 'إرسال البلاغ');
    expect(await lastReport(withModel)).toMatchObject({
      channel: 'assistant',
      locale: 'ar',
      municipality: 'herzogenrath',
      description_de: 'Mein Nachbar bedroht mich.',
      description_de_machine: true,
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the chat in Chromium, with no model (scripted interview)', () => {
  it('without JavaScript, says it needs it and points to the form', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${withoutModel.url}/de/assistant`);
    expect(await page.locator('main').textContent()).toContain('Der Assistent braucht JavaScript');
    await page.getByRole('link', { name: 'Zum Formular wechseln' }).click();
    await page.waitForURL('**/de/report');
    await context.close();
  });

  it('in German: the form questions one at a time, keyboard only, to the receipt', async () => {
    const { context, page, problems } = await openPage(withoutModel, 'de-DE');
    await page.goto(`${withoutModel.url}/de/assistant`);
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    expect(await page.locator('.chat .hint').first().textContent()).toContain('festen Fragen');
    await expectAccessible(page);

    await page.locator('#chat-input').focus();
    await page.keyboard.type('Im Jobcenter hat mich eine Mitarbeiterin wegen meines Akzents ausgelacht.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.bubble.assistant').last().textContent()).toContain('Wann ist es passiert?');
    await tap(page, 'Letztes Jahr');
    await tap(page, 'Eschweiler');
    await tap(page, 'Ämter und Behörden (z. B. Jobcenter, Ausländerbehörde)');
    // A multiple choice by keyboard: Tab to the option, Space to toggle, then confirm.
    await page.getByRole('button', { name: 'Beleidigung, Beschimpfung, Gesten' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Auswahl bestätigen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.bubble.assistant').last().textContent()).toContain('Worum ging es');
    await expectAccessible(page);
    for (let i = 0; i < 5; i++) await tap(page, 'Frage überspringen');
    expect(await page.locator('.bubble.assistant').last().textContent()).toContain('Bitte prüfen Sie jetzt');

    await page.getByRole('button', { name: 'Meine Meldung prüfen' }).click();
    await sendFromReview(page, 'Ich bin einverstanden', 'Meldung senden');
    expect(await lastReport(withoutModel)).toMatchObject({
      channel: 'assistant',
      municipality: 'eschweiler',
      when_precision: 'year',
      when_value: String(new Date().getFullYear() - 1),
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in Arabic: right to left, quick replies in Arabic, switch to the form with what was gathered', async () => {
    const { context, page, problems } = await openPage(withoutModel, 'ar');
    await page.goto(`${withoutModel.url}/ar/assistant`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    await say(page, 'كتب أحدهم شعارات عنصرية على جدار المسجد.');
    await tap(page, 'هذا الشهر');
    await tap(page, 'Stolberg');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'الانتقال إلى الاستمارة' }).click();
    await page.waitForURL('**/ar/report/edit');
    expect(await page.locator('#description').inputValue()).toContain('المسجد');
    expect(await page.locator('input[name="channel"]').getAttribute('value')).toBe('assistant');
    expect(await page.getByLabel('Stolberg').isChecked()).toBe(true);
    for (let i = 0; i < 5; i++) await page.locator('section.step:visible .step-nav .primary').click();
    await page.getByRole('button', { name: 'مراجعة البلاغ' }).click();
    await sendFromReview(page, 'أوافق', 'إرسال البلاغ');
    expect(await lastReport(withoutModel)).toMatchObject({
      channel: 'assistant',
      locale: 'ar',
      municipality: 'stolberg',
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
