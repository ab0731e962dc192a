import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

/** axe-core's serious and critical findings on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Presses Tab until `target` has focus; resolves with the presses it took (or max + 1). */
export async function tabsTo(page: Page, target: Locator, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  return max + 1;
}

/** What has focus, for a message: its tag, test id or label. */
function describeFocused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '(nothing)';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()}[${el.dataset.testid ?? ''}] ${name}`;
  });
}

/**
 * Tabs through the next `stops` controls and, at each, compares a picture of it focused with
 * one after it lost focus: resolves with the controls whose focus changed nothing on screen.
 */
export async function controlsWithoutVisibleFocus(page: Page, stops: number): Promise<string[]> {
  const invisible: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const box = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    if (!box || box.width === 0 || box.height === 0) continue;
    const pad = 8;
    const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
    const clip = {
      x: Math.max(0, box.x - pad),
      y: Math.max(0, box.y - pad),
      width: Math.min(viewport.width, box.x + box.width + pad) - Math.max(0, box.x - pad),
      height: Math.min(viewport.height, box.y + box.height + pad) - Math.max(0, box.y - pad),
    };
    if (clip.width <= 0 || clip.height <= 0) continue;
    const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    const label = await describeFocused(page);
    await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      el?.setAttribute('data-focus-probe', '');
      el?.blur();
    });
    const blurred = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    if (focused.equals(blurred)) invisible.push(label);
    // Back on it, so the next Tab goes on from here.
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-focus-probe]');
      el?.removeAttribute('data-focus-probe');
      el?.focus();
    });
  }
  return invisible;
}
