import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * A reporter's words are never lost: typed before the script arrives, through Back and Forward between the
 * steps and the review, a reload, a language switch, and "change" on the review screen, which opens the
 * question it stands beside. On a phone-sized Chromium, with JavaScript and without.
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

const STORY = 'Der Busfahrer hat mich nicht einsteigen lassen und gesagt, Leute wie ich sollen laufen.';

const visibleStep = (page: Page) => page.locator('section.step:not([hidden])').getAttribute('id');
const next = (page: Page) => page.locator('section.step:not([hidden]) .step-nav .primary').click();

/** Posts a story to the review screen, as the assistant's hand-over does. Runs in the page. */
function handOver(story: string) {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/de/report/review';
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'description';
  field.value = story;
  form.append(field);
  document.body.append(form);
  form.submit();
}

/** Holds the page's scripts back until `release` is called: a slow phone connection, made exact. */
async function withScriptsHeld(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('what is typed before the script has loaded', () => {
  it('stays, and the form opens on the step the person is typing in', async () => {
    const { context, page } = await phonePage(browser, { locale: 'tr' });
    const release = await withScriptsHeld(page);
    // A module script holds DOMContentLoaded back: wait only for the page to arrive, as a person would.
    await page.goto(`${server.url}/tr/report`, { waitUntil: 'commit' });
    await page.locator('#consequences').waitFor();
    // Before the script: every question on one page, as without JavaScript.
    await page.locator('#description').fill(STORY);
    await page.locator('#incidentForms-insult_harassment').check();
    await page.locator('#municipality-wuerselen').check();
    await page.locator('#consequences').click();
    await page.keyboard.type('Seitdem fahre ich nicht mehr Bus.');
    release();

    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-after');
    expect(await page.locator('#consequences').inputValue()).toBe('Seitdem fahre ich nicht mehr Bus.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('consequences');
    expect(await page.locator('#description').inputValue()).toBe(STORY);
    expect(await page.locator('#incidentForms-insult_harassment').isChecked()).toBe(true);
    expect(await page.locator('#municipality-wuerselen').isChecked()).toBe(true);
    await context.close();
  });

  it('stays in the description, on the first step', async () => {
    const { context, page } = await phonePage(browser, { locale: 'tr' });
    const release = await withScriptsHeld(page);
    // A module script holds DOMContentLoaded back: wait only for the page to arrive, as a person would.
    await page.goto(`${server.url}/tr/report`, { waitUntil: 'commit' });
    await page.locator('#consequences').waitFor();
    await page.locator('#description').click();
    await page.keyboard.type(STORY);
    release();
    await expect.poll(() => page.locator('.progress').first().isVisible(), SETTLED).toBe(true);
    // Typing on while the script takes over loses nothing either.
    await page.keyboard.type(' Das war gestern.');
    expect(await visibleStep(page)).toBe('step-what');
    expect(await page.locator('#description').inputValue()).toBe(`${STORY} Das war gestern.`);
    await context.close();
  });
});

describe('what is ticked or edited on the review screen before the script has loaded', () => {
  it('stays: the consent ticked, the stored text edited (kept as an edit, to be checked again)', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/de/`);
    const release = await withScriptsHeld(page);
    await page.evaluate(handOver, STORY);
    await page.waitForURL('**/de/report/review', { waitUntil: 'commit' });
    await page.locator('#consent').waitFor();
    await page.locator('#consent').check();
    await page.locator('.edit-stored summary').click();
    await page.locator('#editedDescription').fill('Der Busfahrer hat mich nicht einsteigen lassen.');
    release();
    await expect.poll(() => page.url(), SETTLED).toMatch(/\/de\/report#review$/);
    expect(await page.locator('#consent').isChecked()).toBe(true);
    expect(await page.locator('#editedDescription').inputValue()).toBe(
      'Der Busfahrer hat mich nicht einsteigen lassen.',
    );
    // Typing on after the script arrived, and a redraw of the page (the consent unticked), lose nothing either.
    await page.locator('#editedDescription').press('End');
    await page.keyboard.type(' Zweimal.');
    await page.locator('#consent').uncheck();
    expect(await page.locator('#editedDescription').inputValue()).toBe(
      'Der Busfahrer hat mich nicht einsteigen lassen. Zweimal.',
    );
    await context.close();
  });
});

describe('Back, Forward, reload and a language switch with JavaScript', () => {
  it('moves between the steps and the review as between pages, and keeps every answer', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill(STORY);
    await next(page);
    await expect.poll(() => page.url(), SETTLED).toMatch(/\/de\/report#step-when$/);
    await page.getByLabel('Jahr').fill('2026');
    await next(page);
    await page.getByLabel('Stolberg').check();

    await page.goBack();
    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-when');
    expect(await page.getByLabel('Jahr').inputValue()).toBe('2026');
    await page.goBack();
    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-what');
    expect(await page.locator('#description').inputValue()).toBe(STORY);
    await page.goForward();
    await page.goForward();
    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-where');
    expect(await page.getByLabel('Stolberg').isChecked()).toBe(true);

    for (let i = 0; i < 3; i++) await next(page);
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    await expect.poll(() => page.locator('h1').textContent(), SETTLED).toBe('Bitte prüfen Sie Ihre Meldung');
    expect(page.url()).toMatch(/\/de\/report#review$/);
    expect(await page.locator('#stored-description').textContent()).toBe(STORY);

    // Back from the review: the form, filled, at its last step. Forward: the review again.
    await page.goBack();
    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-after');
    expect(await page.locator('#description').inputValue()).toBe(STORY);
    await page.goForward();
    await expect.poll(() => page.locator('#stored-description').textContent(), SETTLED).toBe(STORY);
    await context.close();
  });

  it('keeps the answers and the step through a reload, also on the review screen', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill(STORY);
    await next(page);
    await next(page);
    await page.getByLabel('Würselen').check();
    await page.reload();
    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-where');
    expect(await page.getByLabel('Würselen').isChecked()).toBe(true);
    expect(await page.locator('#description').inputValue()).toBe(STORY);

    for (let i = 0; i < 3; i++) await next(page);
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    await page.locator('#stored-description').waitFor();
    await page.reload();
    await expect.poll(() => page.locator('#stored-description').textContent(), SETTLED).toBe(STORY);
    expect(await page.locator('.summary').textContent()).toContain('Würselen');
    await context.close();
  });

  it('keeps the answers and the step when the language is switched', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill(STORY);
    await next(page);
    await page.getByLabel('Jahr').fill('2025');
    await page.locator('.languages summary').click();
    await page.getByRole('link', { name: 'Türkçe' }).click();
    await page.waitForURL(/\/tr\/report#step-when$/);
    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-when');
    expect(await page.locator('#whenYear').inputValue()).toBe('2025');
    expect(await page.locator('#description').inputValue()).toBe(STORY);
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    await context.close();
  });

  it('keeps the draft when the person leaves the form and comes back, until they start over', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill(STORY);
    await page.getByRole('link', { name: 'Meldestelle' }).click();
    await page.getByRole('link', { name: 'Meldung schreiben' }).click();
    await expect.poll(() => page.locator('#description').inputValue(), SETTLED).toBe(STORY);
    expect(await page.locator('.draft-notice').textContent()).toContain('nur in diesem Browser-Tab');
    await page.getByRole('button', { name: 'Antworten löschen und neu beginnen' }).click();
    await expect.poll(() => page.locator('#description').inputValue(), SETTLED).toBe('');
    await page.reload();
    await page.locator('.progress').first().waitFor();
    expect(await page.locator('#description').inputValue()).toBe('');
    expect(await page.locator('.draft-notice').count()).toBe(0);
    await context.close();
  });
});

describe('a browser that refuses to keep anything', () => {
  it('keeps the review that came by a post at its post, so that a reload does not lose it', async () => {
    const { context, page } = await phonePage(browser);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('storage switched off', 'SecurityError');
        },
      });
    });
    await page.goto(`${server.url}/de/`);
    // A hand-over by post, as the assistant makes it.
    await page.evaluate(handOver, STORY);
    await page.locator('#stored-description').waitFor();
    await page.locator('.remove-more > button').waitFor();
    expect(page.url()).toMatch(/\/de\/report\/review$/);
    await page.reload();
    expect(await page.locator('#stored-description').textContent()).toBe(STORY);
    await context.close();
  });
});

describe('"change" on the review screen', () => {
  it('opens the question it stands beside, with JavaScript', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/de/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill(STORY);
    for (let i = 0; i < 5; i++) await next(page);
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    await page.getByRole('button', { name: 'Ändern: Bereich' }).click();
    await expect.poll(() => visibleStep(page), SETTLED).toBe('step-where');
    expect(page.url()).toMatch(/#step-where$/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), SETTLED)
      .toBe('lifeDomain');
    await page.getByLabel('Wohnen, Wohnungssuche').check();
    // Back returns to the review; the change is in it once the review is asked for again.
    for (let i = 0; i < 3; i++) await next(page);
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    await expect.poll(() => page.locator('.summary').textContent(), SETTLED).toContain('Wohnen');
    await context.close();
  });

  it('opens the question it stands beside, without JavaScript, with every answer kept', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}/de/report`);
    await page.locator('#description').fill(STORY);
    await page.getByLabel('Stolberg').check();
    await page.getByRole('button', { name: 'Meldung prüfen' }).click();
    await page.getByRole('button', { name: 'Ändern: Bereich' }).click();
    expect(page.url()).toMatch(/\/de\/report\/edit#q-lifeDomain$/);
    expect(await page.locator('#description').inputValue()).toBe(STORY);
    expect(await page.getByLabel('Stolberg').isChecked()).toBe(true);
    const question = await page.locator('#q-lifeDomain').boundingBox();
    expect(question!.y).toBeGreaterThanOrEqual(-1);
    expect(question!.y).toBeLessThan(740);
    await context.close();
  });
});

describe('a language switch without JavaScript', () => {
  it('carries every answer into the other language', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}/de/report`);
    await page.locator('#description').fill(STORY);
    await page.getByLabel('Eschweiler').check();
    await page.locator('.languages summary').click();
    await page.getByRole('button', { name: 'العربية' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('#description').inputValue()).toBe(STORY);
    expect(await page.locator('#municipality-eschweiler').isChecked()).toBe(true);
    await context.close();
  });

  it('leaves Enter in a text field to the form, not to a language button', async () => {
    const { context, page } = await phonePage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}/tr/report`);
    await page.locator('#description').fill(STORY);
    await page.locator('#whenYear').fill('2025');
    await page.locator('#whenYear').press('Enter');
    await page.waitForURL('**/tr/report/review');
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    await context.close();
  });
});
