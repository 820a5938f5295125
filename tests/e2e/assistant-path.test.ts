import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../fake-llm/server';
import { extraction, fakeLlmEnv } from '../helpers/assistant';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { lastReply, say, settled, tap } from '../helpers/chat';
import { fixedClock, startTestServer, type TestServer } from '../helpers/server';
import { lastReport } from '../helpers/reports';

/** `ASSISTANT_SCREENSHOTS=./screenshots npx vitest run tests/e2e/assistant-path.test.ts`: the chat at 360 px. */
const SHOTS = process.env.ASSISTANT_SCREENSHOTS;

let fake: FakeLlm;
let withModel: TestServer;
let withoutModel: TestServer;
let browser: Browser;
beforeAll(async () => {
  fake = await startFakeLlm();
  withModel = await startTestServer({ env: fakeLlmEnv(fake, { LLM_TURN_TIMEOUT_MS: '4000' }) });
  withoutModel = await startTestServer({ env: { LLM_ENABLED: 'false' }, clock: fixedClock('2026-12-01T10:00:00Z') });
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

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Answers the early safety question when it is asked (it follows the story), so what follows is tested on its own. */
async function answerSafetyQuestion(page: Page, question: string, answer: string) {
  if ((await lastReply(page))?.includes(question)) await say(page, answer);
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

const STORY_DE =
  'Im Bus 11 hat mich ein Mann als Affe beschimpft und gesagt, ich soll zurück nach Afrika gehen. Die anderen Leute im Bus haben weggeschaut, der Fahrer hat nichts gesagt.';

describe('the chat in Chromium, with the fake model', () => {
  it('in German: emergency numbers from the start, the safety question, confirmation of what was noted, review, receipt', async () => {
    const { context, page, problems } = await openPage(withModel, 'de-DE');
    await page.goto(`${withModel.url}/de/`);
    await page.getByRole('link', { name: 'Mit dem Assistenten sprechen' }).click();
    await page.waitForURL('**/de/assistant');
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    expect(await page.locator('.bubble').first().textContent()).toContain('automatischer Assistent');
    // One tap away on every chat screen, before anything is read.
    expect(await page.locator('.emergency-bar a[href="tel:110"]').isVisible()).toBe(true);
    await expectAccessible(page);

    fake.enqueue(
      'extract',
      extraction({ municipality: 'alsdorf', lifeDomain: 'public_transport', incidentForms: ['insult_harassment'] }),
    );
    fake.enqueue('interview', {
      text: 'Das tut mir sehr leid. <img src=x onerror="alert(1)"> **Bevor** wir weitermachen: Sind Sie gerade in Sicherheit?',
      chunkSize: 4,
      chunkDelayMs: 5,
    });
    await say(page, STORY_DE);
    const reply = await lastReply(page);
    expect(reply).toContain('Das tut mir sehr leid. Bevor wir weitermachen: Sind Sie gerade in Sicherheit?');
    expect(reply).not.toMatch(/<img|\*\*/);
    expect(await page.locator('.chat-log img').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ja, ich bin in Sicherheit' }).isVisible()).toBe(true);
    await shoot(page, 'de-360-assistant-safety-question');
    await tap(page, 'Ja, ich bin in Sicherheit');
    await tap(page, 'Diesen Monat');

    // What the story said, offered for confirmation, all chosen to begin with.
    const noted = page.getByRole('button', { name: 'Bus, Bahn, Haltestelle' });
    expect(await noted.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.draft-panel').textContent()).toContain('noch nicht bestätigt');
    await shoot(page, 'de-360-assistant-confirm');
    await tap(page, 'Auswahl bestätigen');
    await expectAccessible(page);
    const racism = page.getByRole('button', { name: 'Rassismus, Herkunft, Hautfarbe' });
    await racism.click();
    expect(await racism.getAttribute('aria-pressed')).toBe('true');
    await tap(page, 'Auswahl bestätigen');
    await tap(page, 'Frage überspringen');
    await tap(page, 'Es ist mir selbst passiert');
    await tap(page, 'Nein');
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

  it('in Arabic: right to left, help first when someone is in danger, and a slow model gives way to fixed questions', async () => {
    const { context, page, problems } = await openPage(withModel, 'ar');
    await page.goto(`${withModel.url}/ar/assistant`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    expect(await page.locator('.emergency-bar').isVisible()).toBe(true);

    fake.enqueue('interview', { text: 'سلامتك أهم شيء. يمكنك الاتصال بالرقم 110 الآن.' });
    await say(page, 'جاري يقف الآن أمام بابي ويهددني بسكين');
    const safety = page.locator('.chat-safety');
    expect(await safety.isVisible()).toBe(true);
    expect(await safety.textContent()).toContain('110');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('chat-safety'))).toBe(true);
    // In danger, the next question is whether they are safe now.
    expect(await page.getByRole('button', { name: 'نعم، أنا في أمان' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await shoot(page, 'ar-360-assistant-danger');

    // The model hangs: after a few seconds the page says so and offers the fixed questions, which read the answer.
    fake.enqueue('extract', { fault: 'hang' });
    fake.enqueue('interview', { fault: 'hang' });
    await page.locator('#chat-input').fill('لا، لسا واقف برا');
    await page.keyboard.press('Enter');
    const still = page.locator('.still-working');
    await expect.poll(() => still.isVisible(), { timeout: 5000 }).toBe(true);
    await expectAccessible(page);
    await shoot(page, 'ar-360-assistant-still-working');
    await still.getByRole('button', { name: 'المتابعة بأسئلة ثابتة' }).click();
    await expect.poll(() => lastReply(page)).toContain('سلامتك أولاً');
    await settled(page);
    expect(await page.locator('.chat .hint').first().textContent()).toContain('أسئلة ثابتة');

    await page.getByRole('button', { name: 'مراجعة بلاغي' }).click();
    await sendFromReview(page, 'أوافق', 'إرسال البلاغ');
    expect(await lastReport(withModel)).toMatchObject({ channel: 'assistant', locale: 'ar' });
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

  it('understands typed answers as its quick replies, and does not ask again for what the story said', async () => {
    const { context, page, problems } = await openPage(withoutModel, 'de-DE');
    await page.goto(`${withoutModel.url}/de/assistant`);
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    await say(
      page,
      'Gestern hat mich in Eschweiler im Jobcenter eine Mitarbeiterin wegen meines Akzents ausgelacht und mich nicht bedient. Andere Leute haben es gehört und auch gelacht.',
    );
    await answerSafetyQuestion(page, 'Sind Sie gerade in Sicherheit?', 'ja');
    // The day and the town were in the story: neither is asked.
    expect(await lastReply(page)).not.toContain('Wann');
    expect(await lastReply(page)).not.toContain('In welchem Ort');
    expect(await page.locator('.draft-panel').textContent()).toContain('30.11.2026');
    expect(await page.locator('.draft-panel').textContent()).toContain('Eschweiler');
    await context.close();

    // In Arabic: "today" and a town typed in Arabic script, each understood at once.
    const ar = await openPage(withoutModel, 'ar');
    await ar.page.goto(`${withoutModel.url}/ar/assistant`);
    await expect.poll(() => ar.page.locator('#chat-input').count()).toBe(1);
    await say(
      ar.page,
      'كتب أحدهم شعارات عنصرية على جدار المسجد، وعندما خرجنا من الصلاة صرخ رجل علينا وقال إنه يجب أن نرحل من هنا. كان هناك أطفال وخافوا كثيراً.',
    );
    await answerSafetyQuestion(ar.page, 'هل أنت في أمان الآن؟', 'نعم');
    expect(await lastReply(ar.page)).toContain('متى حدث ذلك');
    await say(ar.page, 'اليوم');
    expect(await lastReply(ar.page)).not.toContain('لم أفهم');
    await say(ar.page, 'في شتولبرغ');
    expect(await lastReply(ar.page)).not.toContain('لم أفهم');
    const panel = await ar.page.locator('.draft-panel').textContent();
    expect(panel).toContain('01.12.2026');
    expect(panel).toContain('Stolberg');
    await expectAccessible(ar.page);
    await shoot(ar.page, 'ar-360-assistant-scripted');
    expect([...problems, ...ar.problems]).toEqual([]);
    await ar.context.close();

    // And in English, "last week" for when, a typo for the town.
    const en = await openPage(withoutModel, 'en');
    await en.page.goto(`${withoutModel.url}/en/assistant`);
    await expect.poll(() => en.page.locator('#chat-input').count()).toBe(1);
    await say(
      en.page,
      'A man at the supermarket checkout shouted at me that people like me should go back where we came from, and the cashier refused to serve me after that.',
    );
    await answerSafetyQuestion(en.page, 'are you safe right now?', 'yes');
    await say(en.page, 'last week');
    await say(en.page, 'wurselen');
    const draft = await en.page.locator('.draft-panel').textContent();
    expect(draft).toContain('November 2026');
    expect(draft).toContain('Würselen');
    await en.context.close();
  });

  it('in German: the questions one at a time, keyboard only, to the receipt', async () => {
    const { context, page, problems } = await openPage(withoutModel, 'de-DE');
    await page.goto(`${withoutModel.url}/de/assistant`);
    await expect.poll(() => page.locator('#chat-input').count()).toBe(1);
    expect(await page.locator('.chat .hint').first().textContent()).toContain('festen Fragen');
    await expectAccessible(page);

    await page.locator('#chat-input').focus();
    await page.keyboard.type('Eine Mitarbeiterin hat mich wegen meines Akzents ausgelacht.');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastReply(page)).toContain('Möchten Sie noch mehr erzählen?');
    await settled(page);
    await tap(page, 'Das war alles');
    await tap(page, 'Ja, ich bin in Sicherheit');
    await tap(page, 'Letztes Jahr');
    await tap(page, 'Eschweiler');
    await tap(page, 'Ämter und Behörden (z. B. Jobcenter, Ausländerbehörde)');
    // A multiple choice by keyboard: Tab to the option, Space to toggle, then confirm.
    await page.getByRole('button', { name: 'Beleidigung, Beschimpfung, Gesten' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Auswahl bestätigen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => lastReply(page)).toContain('Worum ging es');
    await settled(page);
    await expectAccessible(page);
    for (let i = 0; i < 5; i++) await tap(page, 'Frage überspringen');
    expect(await lastReply(page)).toContain('Bitte prüfen Sie jetzt');

    await page.getByRole('button', { name: 'Meine Meldung prüfen' }).click();
    await sendFromReview(page, 'Ich bin einverstanden', 'Meldung senden');
    expect(await lastReport(withoutModel)).toMatchObject({
      channel: 'assistant',
      municipality: 'eschweiler',
      when_precision: 'year',
      when_value: '2025',
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
    await tap(page, 'هذا كل شيء');
    await tap(page, 'نعم، أنا في أمان');
    await shoot(page, 'ar-360-assistant-safety-answered');
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
