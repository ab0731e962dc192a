import { expect, test } from './fixtures';
import { on } from './support/parts';
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { mediaPath } from '../paths';
import {
  PAST_LIMITS,
  boxBomb,
  claimDuration,
  sampleCountBomb,
  zeroDurationWebm,
} from '../support/hostile-media';
import { LibraryPage } from './support/library-page';
import { withOwnBrowser } from './support/own-browser';
import { samplePeak } from '../../scripts/lib/renderer-memory';
import { readStoredState } from './support/stored-state';

/**
 * Picks the bytes as a file (written to the test's output folder) and waits for the import to
 * end — within `within` ms: a file built to exhaust the reader must be refused, not hang it.
 */
async function pickBytes(page: Page, name: string, buffer: Buffer, within = 60_000): Promise<void> {
  const path = test.info().outputPath(name);
  writeFileSync(path, buffer);
  await on(page).library.fileInput.setInputFiles(path);
  await expect(on(page).library.importing).toHaveCount(0, { timeout: within });
}

const MB = 1024 * 1024;

test('files built to exhaust the reader are refused quickly, with bounded memory', async ({
  baseURL,
}) => {
  await withOwnBrowser(baseURL, async (context, measure) => {
    const page = await context.newPage();
    const library = new LibraryPage(page);
    await library.open({ autoAnalyse: false });
    // The first import starts the media worker and its decoder: pay that before measuring.
    await library.pick(mediaPath('no-audio.mp4'));
    const before = await readStoredState(page);

    await test.step('2³²−1 samples claimed in under 1 KB', async () => {
      const bomb = sampleCountBomb();
      expect(bomb.length).toBeLessThan(1024);
      const baseline = measure(true);
      const sampler = samplePeak(measure);
      await pickBytes(page, 'count-bomb.mp4', bomb, 10_000);
      const growth = sampler.stop() - baseline;
      const message = library.errors.last();
      await expect(message).toHaveAttribute('data-error', 'DamagedVideoError');
      await expect(message).toContainText('“count-bomb.mp4” is damaged or was built to mislead');
      await expect(message).toContainText('claims 4,294,967,295 samples of 1 byte each');
      expect(growth).toBeLessThan(100 * MB);
      await message.getByRole('button', { name: 'Dismiss' }).click();
    });

    await test.step('50 MiB of 8-byte boxes', async () => {
      await pickBytes(page, 'box-bomb.mp4', boxBomb(50), 20_000);
      const message = library.errors.last();
      await expect(message).toHaveAttribute('data-error', 'DamagedVideoError');
      await expect(message).toContainText('“box-bomb.mp4” is damaged or was built to mislead');
      await expect(message).toContainText('over 100,000 boxes in one level');
      await message.getByRole('button', { name: 'Dismiss' }).click();
    });

    expect(await readStoredState(page)).toEqual(before);
    await expect(library.cards).toHaveCount(1);
  });
});

test('durations come from the samples, and each sanity limit has its own message', async ({
  page,
  library,
  bri,
}) => {
  await library.open({ autoAnalyse: false });

  await test.step('headers claiming 10 hours over 11 s of samples', async () => {
    const lying = claimDuration(readFileSync(mediaPath('no-audio.mp4')), 36_000);
    await pickBytes(page, 'ten-hours.mp4', lying);
    await expect(library.card('ten-hours.mp4')).toHaveCount(1);
    const video = (await bri.listVideos()).find((v) => v.name === 'ten-hours.mp4');
    expect(video?.duration).toBeCloseTo(11.04, 0);
  });

  const refusals = [
    { name: 'zero.webm', bytes: zeroDurationWebm(), says: 'has no frames to play' },
    { name: 'long.mp4', bytes: PAST_LIMITS.duration(), says: 'is 33 h 20 min long' },
    { name: 'wide.mp4', bytes: PAST_LIMITS.resolution(), says: '8448 × 64 pixels' },
    { name: 'fast.mp4', bytes: PAST_LIMITS.frameRate(), says: '2000 frames a second' },
    { name: 'hirate.mkv', bytes: PAST_LIMITS.sampleRate(), says: '768 kHz' },
  ];
  for (const { name, bytes, says } of refusals) {
    await test.step(name, async () => {
      await pickBytes(page, name, bytes);
      const message = library.errors.last();
      await expect(message).toContainText(`“${name}”`);
      await expect(message).toContainText(says);
      await message.getByRole('button', { name: 'Dismiss' }).click();
    });
  }
  await expect(library.cards).toHaveCount(1);
});

test.describe('a worker that never answers', () => {
  // Requests a service worker answers never reach page.route: keep the network in the test's hands.
  test.use({ serviceWorkers: 'block' });

  test('a worker that fails to load is an error, a stuck one yields to Cancel, and the queue goes on', async ({
    page,
    library,
  }) => {
    await library.open({ autoAnalyse: false });

    await test.step('the media worker’s script fails to load', async () => {
      await page.route('**/assets/media.worker-*.js', (route) =>
        route.fulfill({ status: 404, body: 'gone' }),
      );
      await library.pick(mediaPath('no-audio.mp4'));
      const message = library.errors.last();
      await expect(message).toContainText("BRI's import worker failed to start");
      await expect(message).toContainText('Reload the page');
      await message.getByRole('button', { name: 'Dismiss' }).click();
      await page.unroute('**/assets/media.worker-*.js');
    });

    await test.step('a worker stuck mid-inspection is ended by Cancel within a second', async () => {
      // A script that loads and then ignores every message: the inspection never answers. (With
      // the COEP header the real server sends: a cross-origin isolated page refuses a worker
      // script without it.)
      await page.route('**/assets/media.worker-*.js', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          headers: { 'Cross-Origin-Embedder-Policy': 'require-corp' },
          body: 'self.onmessage = () => {};',
        }),
      );
      await library.fileInput.setInputFiles(mediaPath('no-audio.mp4'));
      await expect(library.importing).toContainText('Checking');
      await page.unroute('**/assets/media.worker-*.js');
      await library.importing.getByRole('button', { name: 'Cancel' }).click();
      // The stuck reader's worker is ended: the import goes at once, not at the inspection timeout.
      await library.waitForImports(3_000);
      await expect(library.cards).toHaveCount(0);
    });

    await test.step('the next import gets a fresh worker and succeeds', async () => {
      await library.pick(mediaPath('no-audio.mp4'));
      await expect(library.errors).toHaveCount(0);
      await expect(library.card('no-audio.mp4')).toHaveCount(1);
    });
  });
});
