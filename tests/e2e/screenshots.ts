/**
 * `npm run screenshots`: every public page in German, Arabic and Turkish, at 360 px and 1280 px, into ./screenshots/.
 * For people to look at (and for the docs): the same path a reporter takes, against a throwaway database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../helpers/browser';
import { REPO_ROOT } from '../helpers/process';
import { startTestServer } from '../helpers/server';

const outDir = path.join(REPO_ROOT, 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
// The scripted interview, so that the pictures do not depend on a model being installed.
const server = await startTestServer({ env: { LLM_ENABLED: 'false' } });
const browser = await launchBrowser();
const only = process.argv[2];

const texts = {
  de: 'Gestern im Bus 51 nach Würselen hat mich ein Mann beschimpft und gesagt, ich soll „zurück nach Afrika“. Frau Meier saß daneben und hat nichts gesagt. Meine Nummer ist 0176 12345678.',
  ar: 'في الحافلة رقم 51 إلى فورزيلن شتمني رجل وقال لي ارجع إلى بلدك. السيدة مريم كانت معي. رقمي 0176 12345678.',
  tr: 'Dün Würselen’e giden 51 numaralı otobüste bir adam bana hakaret etti ve “Afrika’ya geri dön” dedi. Ayşe Hanım yanımdaydı. Numaram 0176 12345678.',
};

for (const locale of ['de', 'ar', 'tr'] as const) {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const shot = async (name: string) => {
      if (only && !name.includes(only)) return;
      await page.screenshot({ path: path.join(outDir, `${locale}-${width}-${name}.png`), fullPage: true });
    };
    await page.goto(`${server.url}/${locale}/`);
    await shot('1-landing');
    await page.goto(`${server.url}/${locale}/assistant`);
    await page.locator('#chat-input').fill(texts[locale]);
    await page.keyboard.press('Enter');
    await page.locator('.quick-replies').waitFor();
    await shot('1b-assistant');
    await page.goto(`${server.url}/${locale}/assistant`);
    await page.locator('#chat-input').waitFor();
    await page.locator('#chat-input').fill(texts[locale]);
    await page.locator('#chat-input').press('Enter');
    await page.locator('.quick-replies').first().waitFor();
    await shot('2-assistant');
    await page.goto(`${server.url}/${locale}/report`);
    await page.locator('.progress').first().waitFor();
    await page.locator('#description').fill(texts[locale]);
    await shot('2-form');
    await page.locator('#incidentForms-insult_harassment').check();
    for (let i = 0; i < 5; i++) await page.locator('section.step:visible .step-nav .primary').click();
    await page.locator('section.step:visible button[type=submit]').click();
    await page.locator('#stored-description').waitFor();
    await shot('3-review');
    await page.locator('.remove-more > button').first().click();
    await page.locator('.word-picker [data-i]').nth(2).click();
    await shot('3b-review-remove-more');
    await page.locator('#consent').check();
    await page.locator('button[data-once]').click();
    await page.locator('#receipt-code').waitFor();
    await shot('4-sent');
    const receipt = (await page.locator('#receipt-code').textContent())!;
    await page.goto(`${server.url}/${locale}/receipt`);
    await shot('5-receipt-lookup');
    await page.locator('#receipt').fill(receipt);
    await page.locator('form.card button[type=submit]').click();
    await page.waitForURL('**/receipt');
    await shot('6-receipt-status');
    await context.close();
  }
}
const nojs = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
const page = await nojs.newPage();
await page.goto(`${server.url}/de/report`);
if (!only || 'nojs'.includes(only))
  await page.screenshot({ path: path.join(outDir, 'de-360-nojs-form.png'), fullPage: true });
for (const locale of ['de', 'ar'] as const) {
  await page.goto(`${server.url}/${locale}/report`);
  await page.locator('#description').fill(texts[locale]);
  await page.locator('.actions button[type=submit]').click();
  await page.locator('.edit-stored summary').first().click();
  if (!only || 'nojs-review'.includes(only))
    await page.screenshot({ path: path.join(outDir, `${locale}-360-nojs-review-remove-more.png`), fullPage: true });
}
await browser.close();
await server.close();
console.log(`Screenshots in ${outDir}`);
