import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  axeViolationsWithoutScripts,
  describeViolations,
  launchBrowser,
  phonePage,
} from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The reporter's own check: on the review screen a person removes any further word the anonymiser left,
 * with JavaScript by tapping or selecting, without it by editing the text to be stored (checked again by the
 * anonymiser). What is stored is exactly what the screen showed.
 */
/** Hydration and history moves on a busy phone-sized browser: give them time, assert the same. */
const SETTLED = { timeout: 15_000 };

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const LANGUAGES = {
  de: {
    story:
      'Im Bus 51 nach Alsdorf hat mich der Fahrer beschimpft. Ich arbeite im Kiosk am Markt, dort kennt mich jeder.',
    added: 'Ich arbeite bei Herrn Schneider.',
    name: 'Schneider',
    check: 'Meldung prüfen',
    remove: 'Weitere Wörter entfernen',
    selection: 'Markierten Text entfernen',
    placeholder: '[entfernt]',
    consent: 'Ich bin einverstanden',
    send: 'Meldung senden',
    checkAgain: 'Text noch einmal prüfen',
  },
  ar: {
    story: 'في الحافلة رقم 51 إلى ألسدورف شتمني السائق. أعمل في كشك السوق، هناك يعرفني الجميع.',
    added: 'أعمل عند السيد أحمد.',
    name: 'أحمد',
    check: 'مراجعة البلاغ',
    remove: 'حذف كلمات أخرى',
    selection: 'حذف النص المحدد',
    placeholder: '[محذوف]',
    consent: 'أوافق على حفظ بلاغي بهذا الشكل.',
    send: 'إرسال البلاغ',
    checkAgain: 'افحص النص مرة أخرى',
  },
} as const;
type Lang = keyof typeof LANGUAGES;

async function lastStoredDescription(): Promise<string> {
  const row = await server.database.db
    .selectFrom('reports')
    .select('description')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.description;
}

async function toReview(page: Page, lang: Lang, javaScript: boolean) {
  const words = LANGUAGES[lang];
  await page.goto(`${server.url}/${lang}/report`);
  if (javaScript) await page.locator('.progress').first().waitFor();
  await page.locator('#description').fill(words.story);
  if (javaScript)
    for (let i = 0; i < 5; i++) await page.locator('section.step:not([hidden]) .step-nav .primary').click();
  await page.getByRole('button', { name: words.check }).click();
  await page.locator('#stored-description').waitFor();
}

/** Selects the text of these words in the word picker, as a finger or a mouse would. */
async function selectWords(page: Page, first: string, last: string) {
  await page.locator('.word-picker').evaluate(
    (picker, [from, to]) => {
      const words = [...picker.querySelectorAll('[data-i]')];
      const start = words.find((w) => w.textContent === from)!;
      const end = words.find((w) => w.textContent === to)!;
      const range = document.createRange();
      range.setStart(start.firstChild!, 0);
      range.setEnd(end.firstChild!, end.textContent!.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [first, last],
  );
}

describe.each(Object.keys(LANGUAGES) as Lang[])('removing more words in %s', (lang) => {
  const words = LANGUAGES[lang];

  it('with JavaScript: tap a word, select a passage; what is stored is what was shown', async () => {
    const { context, page } = await phonePage(browser, { locale: lang });
    await toReview(page, lang, true);
    await page.getByRole('button', { name: words.remove }).click();
    expect(await page.getByRole('button', { name: words.remove }).getAttribute('aria-expanded')).toBe('true');

    // Any word the anonymiser left can go: here the third, then a passage of the fifth and sixth.
    const picker = page.locator('.word-picker [data-i]');
    const word = async (i: number) => (await picker.nth(i).textContent())!;
    const tapped = await word(2);
    await picker.nth(2).click();
    await expect.poll(() => page.locator('#stored-description mark.removed').count(), SETTLED).toBe(1);
    expect(await page.locator('#stored-description mark.removed').textContent()).toBe(words.placeholder);

    // A second tap brings the word back; a third removes it again.
    await picker.nth(2).click();
    await expect.poll(() => page.locator('#stored-description mark.removed').count(), SETTLED).toBe(0);
    expect(await page.locator('#stored-description').textContent()).toContain(tapped);
    await picker.nth(2).click();

    // A selected passage goes in one: its words become one placeholder.
    const [from, to] = [await word(4), await word(5)];
    await selectWords(page, from, to);
    await page.getByRole('button', { name: words.selection }).click();
    await expect.poll(() => page.locator('#stored-description mark.removed').count(), SETTLED).toBe(2);
    const shown = (await page.locator('#stored-description').textContent())!;
    expect(shown).not.toContain(`${from} ${to}`);

    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Marks survive a reload: they are part of this tab's draft.
    await page.reload();
    await expect.poll(() => page.locator('#stored-description').textContent(), SETTLED).toBe(shown);

    await page.getByLabel(words.consent).check();
    await page.getByRole('button', { name: words.send }).click();
    await page.locator('#receipt-code').waitFor();
    expect(await lastStoredDescription()).toBe(shown);
    await context.close();
  });

  it('by keyboard: one stop for the whole text, arrows from word to word, Space to remove', async () => {
    const { context, page } = await phonePage(browser, { locale: lang });
    await toReview(page, lang, true);
    await page.getByRole('button', { name: words.remove }).click();
    await page.locator('.word-picker [tabindex="0"]').focus();
    await page.keyboard.press('End');
    await page.keyboard.press(lang === 'ar' ? 'ArrowRight' : 'ArrowLeft');
    await page.keyboard.press('Space');
    expect(await page.locator('.word-picker [aria-pressed="true"]').count()).toBe(1);
    expect(await page.locator('.word-picker [tabindex="0"]').count()).toBe(1);
    await context.close();
  });

  it('without JavaScript: edit the text to be stored, check it again; what is stored is what was shown', async () => {
    const { context, page } = await phonePage(browser, { locale: lang, javaScriptEnabled: false });
    await toReview(page, lang, false);
    await page.locator('.edit-stored summary').first().click();
    const opened = await axeViolationsWithoutScripts(browser, page);
    expect(opened, describeViolations(opened)).toEqual([]);
    const original = (await page.locator('#editedDescription').inputValue()).trim();
    // The person drops the second sentence and writes another with a name: the anonymiser checks it again.
    const [first, dropped] = original.split(/(?<=\.) /);
    await page.locator('#editedDescription').fill(`${first} ${words.added}`);
    await page.getByRole('button', { name: words.checkAgain }).click();

    const shown = (await page.locator('#stored-description').textContent())!;
    expect(shown.startsWith(first!)).toBe(true);
    expect(shown).not.toContain(dropped);
    expect(shown).not.toContain(words.name);
    expect(await page.locator('.notice[role=status]').count()).toBe(1);
    const violations = await axeViolationsWithoutScripts(browser, page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.getByLabel(words.consent).check();
    await page.getByRole('button', { name: words.send }).click();
    await page.locator('#receipt-code').waitFor();
    expect(await lastStoredDescription()).toBe(shown);
    await context.close();
  });
});
