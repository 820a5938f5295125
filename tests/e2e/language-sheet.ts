/**
 * `npm run screenshots:languages`: the landing page, the form and the assistant in every language at
 * 360 px, side by side on one contact sheet per page (./screenshots/languages-<page>.png), for people
 * who review the translations and the right-to-left layout at a glance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AVAILABLE_LOCALES } from '../../shared/i18n/catalog';
import { launchBrowser } from '../helpers/browser';
import { REPO_ROOT } from '../helpers/process';
import { startTestServer } from '../helpers/server';

const outDir = path.join(REPO_ROOT, 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const server = await startTestServer();
const browser = await launchBrowser();
const pages = { landing: '/', form: '/report', assistant: '/assistant' } as const;

for (const [name, route] of Object.entries(pages)) {
  const shots: string[] = [];
  for (const locale of AVAILABLE_LOCALES) {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${server.url}/${locale}${route}`);
    if (name === 'assistant') await page.locator('#chat-input').waitFor();
    shots.push((await page.screenshot()).toString('base64'));
    await page.close();
  }
  const sheet = await browser.newPage({ viewport: { width: 5 * 372, height: 2 * 912 } });
  await sheet.setContent(
    `<body style="margin:0;display:grid;grid-template-columns:repeat(5,360px);gap:12px;background:#999">${shots
      .map((s) => `<img src="data:image/png;base64,${s}" width="360" height="900">`)
      .join('')}</body>`,
  );
  await sheet.screenshot({ path: path.join(outDir, `languages-${name}.png`), fullPage: true });
  await sheet.close();
}
await browser.close();
await server.close();
console.log(`Contact sheets in ${outDir}`);
