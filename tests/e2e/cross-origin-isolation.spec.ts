import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { addVideo, briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { waitForBri } from './support/bri-in-page';
import { openUntilIsolated, serveDist } from './support/dist-server';
import { LibraryPage, MODEL_BASE_URL } from './support/library-page';

/** The WASM threads the objects stage's detector reported when it loaded, from the session log. */
async function detectorThreads(page: Page): Promise<number | null> {
  const report = await briOf(page).diagnostics();
  const ready = report.entries.filter(
    (entry) => entry.component === 'models' && entry.data?.stage === 'objects',
  );
  return (ready.at(-1)?.data?.threads as number | undefined) ?? null;
}

/** Imports the short clip and runs the real detector on it; returns the objects stage's state. */
async function detectOnClip(page: Page): Promise<string> {
  const library = new LibraryPage(page);
  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  return (await library.analyse(id, ['objects'])).stages.objects.state;
}

test('under vite preview the page is cross-origin isolated and the models get several WASM threads; downloads behind a cross-origin redirect load, in the format chosen for WASM', async ({
  page,
  library,
  bri,
}) => {
  test.setTimeout(120_000);
  await library.open({ autoAnalyse: false });
  const { device } = await bri.diagnostics();
  expect(device.crossOriginIsolated).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(device.wasmThreads).toBe(Math.min(4, cores));
  expect(device.wasmThreads).toBeGreaterThan(1);
  await on(page).settings.open.click();
  await on(page).settings.advanced.click();
  await expect(on(page).device.threads).toContainText(
    `WebAssembly: ${device.wasmThreads} threads per model`,
  );
  await page.keyboard.press('Escape');

  expect(await detectOnClip(page)).toBe('done');
  expect(await detectorThreads(page)).toBe(device.wasmThreads);

  // The Hub answers a file with a redirect to its CDN: under COEP the redirected CORS download
  // (our own fetch for YOLOX, transformers.js' for MiniLM) still loads.
  await bri.configure({ modelBaseUrl: `${MODEL_BASE_URL.replace(/\/$/, '')}/redirect/` });
  const redirected: string[] = [];
  const weights: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 302) redirected.push(response.url());
    if (response.url().endsWith('.onnx')) weights.push(new URL(response.url()).pathname);
  });
  const id = (await bri.listVideos())[0]?.id ?? '';
  expect((await library.analyse(id, ['objects'])).stages.objects.state).toBe('done');
  expect((await bri.embedQuery('a red bus', 'text')).vector.length).toBeGreaterThan(0);
  expect(redirected.some((url) => url.endsWith('.onnx'))).toBe(true);
  // The format chosen for WASM is the one loaded: MiniLM's q8 graph, never its fp32 one.
  const miniLm = weights.filter((path) => path.includes('all-MiniLM-L6-v2'));
  expect(miniLm.some((path) => path.endsWith('/onnx/model_quantized.onnx'))).toBe(true);
  expect(miniLm.filter((path) => path.endsWith('/onnx/model.onnx'))).toEqual([]);
});

test('on a host that sends no isolation headers: one thread without the service worker, several once it has installed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await serveDist(resolve(import.meta.dirname, '../../dist'));
  const open = async (page: Page) => {
    await waitForBri(page);
    await briOf(page).configure({ autoAnalyse: false, modelBaseUrl: MODEL_BASE_URL });
  };
  try {
    await test.step('no service worker (blocked): single-threaded, and the models still run', async () => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(server.url);
      await open(page);
      const { device } = await briOf(page).diagnostics();
      expect(device).toMatchObject({ crossOriginIsolated: false, wasmThreads: 1 });
      await on(page).settings.open.click();
      await on(page).settings.advanced.click();
      await expect(on(page).device.threads).toContainText('not cross-origin isolated');
      await page.keyboard.press('Escape');
      expect(await detectOnClip(page)).toBe('done');
      expect(await detectorThreads(page)).toBe(1);
      await context.close();
    });

    await test.step('first visit: the service worker installs and the page reloads itself isolated', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      // The reload comes by itself once the worker is active: openUntilIsolated waits across it.
      await openUntilIsolated(page, server.url);
      await open(page);
      const { device } = await briOf(page).diagnostics();
      expect(device.wasmThreads).toBeGreaterThan(1);
      await page.goto(server.url); // and stays isolated on later visits
      await open(page);
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      expect(await detectOnClip(page)).toBe('done');
      expect(await detectorThreads(page)).toBe(device.wasmThreads);
      await context.close();
    });
  } finally {
    await server.close();
  }
});
