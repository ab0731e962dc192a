import { expect, test } from './fixtures';
import { on } from './support/parts';
import { snapScreens } from './support/screens';

test('after the first visit the app shell loads offline', async ({ page, context, library }) => {
  await library.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  try {
    await page.reload();
    await library.open();
    await expect(library.drop).toBeVisible();
    await expect(library.empty).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await test.step('the user guide opens offline, from the empty library and the header', async () => {
      const help = on(page).help;
      await on(page).library.help.click();
      await expect(help.page.getByRole('heading', { level: 1 })).toHaveText('How to use BRI');
      // Every part of the old README's guide is a section, listed in the contents.
      await expect(help.contents).toHaveText([
        'Adding videos',
        'Chat',
        'The video view',
        'Chapters',
        'Slides',
        'Subtitles in another language',
        'Clips',
        'Library',
        'Settings and Diagnostics',
        'Offline',
        'Backups',
        'What leaves this device',
        'When something goes wrong',
      ]);
      await help.contents.filter({ hasText: 'Clips' }).click();
      await expect(help.page.getByRole('heading', { name: 'Clips' })).toBeInViewport();
      await expect(page).toHaveURL(/#\/help$/);
      await snapScreens(page, 'help');
      await page.reload();
      await expect(help.page).toBeVisible();
      await page.goBack();
      await expect(library.drop).toBeVisible();
      await help.open.click();
      await expect(help.page).toContainText('Make chapters');
    });
  } finally {
    await context.setOffline(false);
  }
});

test('the manifest makes the app installable with real icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', page.url());
  const manifest = (await (await request.get(manifestUrl.href)).json()) as {
    name: string;
    display: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({ short_name: 'BRI', display: 'standalone', start_url: '/' });
  expect(manifest.icons.map((i) => `${i.sizes}:${i.purpose}`)).toEqual([
    '192x192:any',
    '512x512:any',
    '512x512:maskable',
  ]);
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.headers()['content-type']).toBe('image/png');
    const bytes = await response.body();
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(`${width}x${height}`).toBe(icon.sizes);
  }
});
