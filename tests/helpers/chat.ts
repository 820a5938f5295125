import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Steps through the assistant in Chromium the way a person does: one message or one tap, then wait until
 * the reply has arrived and the log is no longer busy. Waiting on the log (not on the input being enabled)
 * matters on a slow machine, where the input can be enabled a moment before the next question is shown.
 */
export const settled = (page: Page) =>
  expect.poll(() => page.locator('[role="log"]').getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');

export const lastReply = (page: Page) => page.locator('.bubble.assistant').last().textContent();

async function answered(page: Page, before: number) {
  await expect.poll(() => page.locator('.bubble').count(), { timeout: 10_000 }).toBeGreaterThan(before + 1);
  await settled(page);
}

export async function say(page: Page, text: string) {
  const before = await page.locator('.bubble').count();
  await page.locator('#chat-input').fill(text);
  await page.keyboard.press('Enter');
  await answered(page, before);
}

export async function tap(page: Page, label: string) {
  const before = await page.locator('.bubble').count();
  await page.getByRole('button', { name: label, exact: true }).click();
  await answered(page, before);
}
