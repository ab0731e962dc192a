// `npm run bench` adds `clip_30min`: a 30-minute clip of a dense video (~375 MB of noise at
// ~1.6 Mb/s, made once with Debian's ffmpeg under the system temp folder), cut in a Chromium of
// its own; prints the clip's size and the renderer's peak growth while it is cut. Clips are
// written to disk as they are cut (workers/lib/clips/clip-target.ts): the growth stays far below
// the clip's size.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';

/** 30 minutes of moving noise: a 20 s piece encoded once, then stream-copied 90 times. */
function denseVideo() {
  const dir = join(tmpdir(), 'bri-bench');
  const path = join(dir, 'dense-30min.mp4');
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const piece = join(dir, 'dense-20s.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-t', '20', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25'],
    ...['-vf', 'noise=alls=60:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast'],
    ...['-b:v', '1600k', '-maxrate', '1600k', '-bufsize', '3200k', '-pix_fmt', 'yuv420p', piece],
  ]);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-stream_loop',
    '89',
    '-i',
    piece,
    '-c',
    'copy',
    path,
  ]);
  return path;
}

export async function benchLongClip({ appUrl, chromiumArgs }) {
  const { browserPidFor, rendererMemory, samplePeak } = (
    await runnerImport(resolve(import.meta.dirname, 'lib/renderer-memory.ts'))
  ).module;
  const file = denseVideo();
  const profile = mkdtempSync(join(tmpdir(), 'bri-bench-clip-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
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
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
