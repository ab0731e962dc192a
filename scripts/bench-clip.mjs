// `npm run bench` adds `clip_30min`: a 30-minute clip of a dense video (~375 MB of noise at
// ~1.6 Mb/s, made once with Debian's ffmpeg under the system temp folder), cut in a Chromium of
// its own; prints the clip's size and the renderer's peak growth while it is cut. Clips are
// written to disk as they are cut (workers/lib/clips/clip-target.ts): the growth stays far below
// the clip's size.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';
import { openFreshChromium } from './lib/fresh-chromium.mjs';

export async function benchLongClip({ appUrl, chromiumArgs }) {
  const { browserPidFor, rendererMemory, samplePeak } = (
    await runnerImport(resolve(import.meta.dirname, 'lib/renderer-memory.ts'))
  ).module;
  const { denseVideo } = (await runnerImport(resolve(import.meta.dirname, 'lib/dense-video.ts')))
    .module;
  const file = denseVideo();
  const { profile, page, close } = await openFreshChromium('clip', chromiumArgs);
  try {
    await page.goto(appUrl);
    await page.waitForFunction(() => typeof window.bri?.importVideo === 'function');
    await page.evaluate(() => window.bri.configure({ autoAnalyse: false }));
    await page.setInputFiles('[data-testid="library.file-input"]', file);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="library.importing"]').length === 0,
      null,
      { timeout: 300_000 },
    );
    const id = await page.evaluate(async () => (await window.bri.listVideos())[0]?.id ?? '');
    // The clip worker's cold start is paid on a short clip first.
    await page.evaluate((videoId) => window.bri.exportClip(videoId, 0, 4).then((b) => b.size), id);
    const measure = rendererMemory(browserPidFor(profile));
    const before = measure(true);
    const sampler = samplePeak(measure);
    const started = performance.now();
    const size = await page.evaluate(
      (videoId) => window.bri.exportClip(videoId, 0, 30 * 60).then((b) => b.size),
      id,
    );
    const seconds = (performance.now() - started) / 1000;
    const peak = sampler.stop();
    const figures = {
      clip_mb: Math.round(size / 1e6),
      seconds: Math.round(seconds * 10) / 10,
      renderer_before_mb: Math.round(before / 1048576),
      peak_growth_mb: Math.round((peak - before) / 1048576),
    };
    console.info(
      `30-minute clip: ${figures.clip_mb} MB in ${figures.seconds} s; renderer ${figures.renderer_before_mb} MB before, peak +${figures.peak_growth_mb} MB while cutting`,
    );
    return figures;
  } finally {
    await close();
  }
}
