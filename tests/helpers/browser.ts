import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, with no calls home: this machine has no network and the tests want none. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
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
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page; returns the violations, empty when clean. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE }).catch(async () => {
    // The page's CSP forbids inline scripts, ours included: evaluate the source instead.
    await page.evaluate(AXE_SOURCE);
  });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

/**
 * axe needs JavaScript, which a no-script page does not run: show the same HTML, minus its own scripts, at
 * the same origin in a scripted page (so styles load alike) and check that.
 */
export async function axeViolationsWithoutScripts(browser: Browser, page: Page): Promise<AxeViolation[]> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  const origin = new URL(page.url()).origin;
  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined, bypassCSP: true });
  try {
    const copy = await context.newPage();
    await copy.route(`${origin}/__axe__`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: html }),
    );
    await copy.goto(`${origin}/__axe__`);
    return await axeViolations(copy);
  } finally {
    await context.close();
  }
}

/** A phone-sized page (360 × 740), with or without JavaScript. */
export async function phonePage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<{ context: import('playwright-core').BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'de-DE',
  });
  // The office's quick-exit site, answered here: the tests make no request to the internet.
  await context.route(/^https:\/\/www\.wetter\.de\//, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Wetter</title><h1>Wetter</h1>',
    }),
  );
  return { context, page: await context.newPage() };
}
