/**
 * `npm run bench:pages`: Lighthouse (mobile settings, Debian's Chromium) on the public pages, and what each
 * page transfers: JavaScript compressed as sent, and all bytes together. Targets for the landing page:
 * ≤ 35 KB JavaScript, ≤ 120 KB in all; accessibility 100, performance and best practices ≥ 95.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startTestServer } from '../helpers/server';

const pages = process.argv.slice(2).filter((a) => a.startsWith('/'));
const paths = pages.length
  ? pages
  : ['/de/', '/de/report', '/de/assistant', '/ar/', '/ar/report', '/ar/assistant', '/de-LS/'];
const server = await startTestServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('page'.padEnd(14), 'perf', 'a11y', 'best', '  JS (sent)', ' all (sent)');
let failed = false;
try {
  // A first run warms Chromium up (caches, fonts, the JIT): its scores are not the page's.
  await lighthouse(`${server.url}${paths[0]}`, { port: chrome.port, output: 'json', logLevel: 'error' });
  for (const path of paths) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const requests = (
      lhr.audits['network-requests']?.details as unknown as { items: { resourceType: string; transferSize: number }[] }
    ).items;
    const js = requests.filter((r) => r.resourceType === 'Script').reduce((s, r) => s + r.transferSize, 0);
    const all = requests.reduce((s, r) => s + r.transferSize, 0);
    console.log(
      path.padEnd(14),
      String(score('performance')).padStart(4),
      String(score('accessibility')).padStart(4),
      String(score('best-practices')).padStart(4),
      kb(js).padStart(11),
      kb(all).padStart(11),
    );
    if (score('accessibility') < 100 || score('performance') < 95 || score('best-practices') < 95) {
      failed = true;
      for (const [id, audit] of Object.entries(lhr.audits)) {
        if (
          audit.score !== null &&
          audit.score < 0.9 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'notApplicable'
        )
          console.log(`   ${id}: ${audit.title}`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
if (failed) console.log('below target on at least one page (see the audits listed)');
