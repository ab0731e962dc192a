import { addVideo, expect, test } from './fixtures';
import { on } from './support/parts';
import { controlsWithoutVisibleFocus, seriousViolations, tabsTo } from './support/a11y';
import { snapScreens } from './support/screens';

test('no serious accessibility finding on the library, a video, Settings, Diagnostics and Help, light and dark', async ({
  page,
  library,
}) => {
  test.setTimeout(180_000);
  const schemes = ['light', 'dark'] as const;
  /** axe on the screen as it is, in each colour scheme; screenshots of both at both sizes. */
  const check = async (screen: string, snap = true) => {
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `${screen}, ${scheme}`).toEqual([]);
      if (snap) await snapScreens(page, `${screen}-${scheme}`);
    }
  };
  await library.open({ autoAnalyse: false });
  await test.step('the empty library', () => check('library-empty', false));

  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  await library.analyse(id, ['frames', 'objects']);
  await test.step('the library with a video', () => check('library'));

  await test.step('the video view', async () => {
    await on(library.card('jfk_bus_zidane.mp4')).library.open.click();
    await expect(on(page).video.view).toBeVisible();
    await check('video');
  });

  await test.step('Settings', async () => {
    await on(page).settings.open.click();
    await expect(on(page).settings.dialog).toBeVisible();
    await check('settings');
    await page.keyboard.press('Escape');
  });

  await test.step('Diagnostics and Help', async () => {
    await page.goto('/#/diagnostics');
    await expect(on(page).diagnostics.page).toBeVisible();
    await check('diagnostics', false);
    await on(page).help.open.click();
    await expect(on(page).help.page).toBeVisible();
    await check('help', false);
  });
});

test('from the keyboard: every control shows its focus, and the chat box is a few Tabs from the title', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  await library.analyse(id, ['frames', 'objects', 'text']);

  await test.step('the library: every control reached shows a focus change', async () => {
    await page.keyboard.press('Tab');
    await expect(on(page).app.skip).toBeFocused();
    expect(await controlsWithoutVisibleFocus(page, 14)).toEqual([]);
  });

  await test.step('a video: every control reached shows a focus change', async () => {
    await on(library.card('jfk_bus_zidane.mp4')).library.open.click();
    await expect(on(page).video.view).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await controlsWithoutVisibleFocus(page, 20)).toEqual([]);
  });

  await test.step('the chat box is at most 10 Tabs past the video’s title', async () => {
    await on(page).video.back.focus();
    expect(await tabsTo(page, on(page).chat.input, 10)).toBeLessThanOrEqual(10);
  });

  await test.step('the skip link jumps past the header', async () => {
    await page.reload();
    await expect(on(page).video.view).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(on(page).app.skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
