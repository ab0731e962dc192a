import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { mediaPath } from '../paths';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { LibraryPage } from './support/library-page';
import { rendererResidentBytes, samplePeak } from './support/renderer-memory';

const LOOPS = 112; // 112 × 4.5 MB ≈ 500 MB, about 9 h 20 min of video.
const MAX_GROWTH_BYTES = 100 * 1024 * 1024;

/** A ~500 MB MP4 made by stream-copying the lecture clip end to end (cached between runs). */
function bigVideo(): string {
  const dir = join(tmpdir(), 'bri-e2e');
  const path = join(dir, `lecture-x${LOOPS}.mp4`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const input = mediaPath('lecture-5min.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-stream_loop',
      String(LOOPS - 1),
      '-i',
      input,
      '-c',
      'copy',
      path,
    ]);
  }
  return path;
}

test('a ~500 MB video imports without the tab holding it in memory', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const path = bigVideo();
  const size = statSync(path).size;
  expect(size).toBeGreaterThan(480_000_000);

  // A browser of our own, so we know which processes are this tab's.
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const browserPid = server.process().pid ?? 0;
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const page = await browser.newPage({ baseURL });
    const library = new LibraryPage(page);
    await library.open();

    const baseline = rendererResidentBytes(browserPid);
    const sampler = samplePeak(() => rendererResidentBytes(browserPid));
    await library.fileInput.setInputFiles(path);
    await expect(library.importing).toHaveCount(1);
    await library.waitForImports(240_000);
    const peak = sampler.stop();
    await expect(library.errors).toHaveCount(0);

    const growthMb = (peak - baseline) / 1024 / 1024;
    console.info(
      `renderer memory: baseline ${(baseline / 1048576).toFixed(0)} MB, peak +${growthMb.toFixed(0)} MB`,
    );
    expect(peak - baseline).toBeLessThan(MAX_GROWTH_BYTES);

    const [video] = await page.evaluate(() => window.bri.listVideos());
    expect(video?.size).toBe(size);
    expect(video?.duration).toBeGreaterThan(LOOPS * 299);
    const stored = await page.evaluate(async (id) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('videos');
      return (await (await dir.getFileHandle(id)).getFile()).size;
    }, video?.id ?? '');
    expect(stored).toBe(size);
  } finally {
    await browser.close();
    await server.close();
  }
});
