import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where screenshots for people to look at go (under test-results: never committed). */
export const SCREENS_DIR = process.env.BRI_SCREENS_DIR ?? join('test-results', 'screens');

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/**
 * Screenshots of the current screen at desktop and phone size, `<name>-<width>.png`; at each
 * size the page must not scroll sideways (nothing wider than the screen). Returns to 1280×800.
 */
export async function snapScreens(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${name} at ${size.width}px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENS_DIR, `${name}-${size.width}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}
