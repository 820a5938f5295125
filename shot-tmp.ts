import { startFakeLlm } from './tests/fake-llm/server';
import { startTestServer } from './tests/helpers/server';
import { launchBrowser } from './tests/helpers/browser';
import { extraction, fakeLlmEnv } from './tests/helpers/assistant';
const fake = await startFakeLlm();
const server = await startTestServer({ env: fakeLlmEnv(fake, { LLM_FIRST_TOKEN_TIMEOUT_MS: '5000' }) });
const browser = await launchBrowser();
for (const locale of ['de', 'ar']) {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale })).newPage();
  page.on('console', (m) => console.log('console', m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`${server.url}/${locale}/assistant`);
  await page.screenshot({ path: `/tmp/chat-${locale}-1.png`, fullPage: true });
  fake.enqueue('extract', extraction({ description: 'story', municipality: 'alsdorf', danger: 'none' }));
  fake.enqueue('interview', { text: locale === 'ar' ? 'أنا آسف لما حدث لك. متى حدث ذلك؟ <b>bold</b>' : 'Das tut mir leid. Wann ist das passiert? <img src=x onerror=alert(1)>', chunkDelayMs: 5 });
  await page.locator('#chat-input').fill(locale === 'ar' ? 'في الحافلة شتمني رجل.' : 'Im Bus hat mich ein Mann beschimpft.');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-replies');
  await page.screenshot({ path: `/tmp/chat-${locale}-2.png`, fullPage: true });
  fake.enqueue('extract', extraction({ description: 'story', danger: 'none' }));
  await page.locator('#chat-input').fill('Er steht gerade vor meiner Tür und bedroht mich');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.chat-safety');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/chat-${locale}-3.png`, fullPage: true });
}
await browser.close(); await server.close(); await fake.close();
