import { type Page } from '@playwright/test';
import { addVideo, expect, test } from './fixtures';
import { on } from './support/parts';
import { mediaPath } from '../paths';
import {
  DETECTOR_PARAMETERS,
  SILERO_VAD,
  SPEECH_REGION_OPTIONS,
} from '../../src/shared/analysis-parameters';
import { STAGE_NAMES } from '../../src/automation/bri-contract';

const ALL_STAGES = [...STAGE_NAMES];

/** Every Cache Storage cache of the origin and the URLs it holds. */
function readCaches(page: Page) {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    return out;
  });
}

interface StoredLineage {
  tool: string;
  parameters: Record<string, unknown>;
}

/** The lineage of the first row of each table, read from IndexedDB directly. */
function firstRowLineage(page: Page, tables: string[]) {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bri');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const out: Record<string, StoredLineage | undefined> = {};
    for (const name of names)
      out[name] = await new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).openCursor();
        request.onsuccess = () =>
          resolve((request.result?.value as { lineage?: StoredLineage })?.lineage);
        request.onerror = () => reject(request.error);
      });
    db.close();
    return out;
  }, tables);
}

test('analysed once online, BRI analyses a new video offline: every model in exactly one cache', async ({
  page,
  context,
  library,
}) => {
  test.setTimeout(420_000);

  await test.step('online: the service worker controls the page; a video is analysed in full', async () => {
    await library.open({ autoAnalyse: false });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now controlled, as a returning visitor is
    await library.open({ autoAnalyse: false });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const id = await addVideo(library, 'jfk_bus_zidane.mp4');
    const status = await library.analyse(id, ALL_STAGES);
    for (const stage of ALL_STAGES) expect(status.stages[stage].state, stage).toBe('done');
    // Lineage tells the truth: the parameters the workers ran with, from their shared source.
    const lineage = await firstRowLineage(page, ['speechRegions', 'objectTracks']);
    expect(lineage.speechRegions).toMatchObject({
      tool: SILERO_VAD.id,
      parameters: { ...SPEECH_REGION_OPTIONS, frameSamples: 512, sampleRate: 16_000 },
    });
    expect(lineage.speechRegions?.parameters).not.toHaveProperty('threshold');
    expect(lineage.objectTracks?.parameters).toMatchObject(DETECTOR_PARAMETERS);
    // An AVI goes through ffmpeg.wasm, whose core is kept for offline use too.
    await library.pick(mediaPath('jfk_bus_zidane.avi'));
    await library.deleteCard('jfk_bus_zidane.avi');
  });

  await test.step('each downloaded file is in exactly one cache; the app shell holds no model', async () => {
    const held = await readCaches(page);
    const owners = new Map<string, string[]>();
    for (const [name, urls] of Object.entries(held))
      for (const url of urls) owners.set(url, [...(owners.get(url) ?? []), name]);
    const twice = [...owners].filter(([, names]) => names.length > 1);
    expect(twice).toEqual([]);
    const shell = Object.entries(held).find(([name]) => name.startsWith('workbox-precache'));
    expect(shell?.[1].filter((url) => /\.(wasm|onnx)(\?|$)/.test(url))).toEqual([]);
    const models = held['bri-models'] ?? [];
    for (const file of [
      /\/yolox-nano\/yolox_nano\.onnx$/,
      // PaddleOCR ships with the app: its own (hashed) copies, whatever the model base URL.
      /\/assets\/ch_PP-OCRv4_det_infer-[\w-]+\.onnx$/,
      /\/assets\/ch_PP-OCRv4_rec_infer-[\w-]+\.onnx$/,
      /\/assets\/ppocr_keys_v1-[\w-]+\.txt$/,
      /silero_vad_v5-[\w-]+\.onnx$/,
      // The plain build: this Chromium has no WebGPU adapter, so nothing needs the asyncify one.
      /ort-wasm-simd-threaded-[\w-]+\.wasm$/,
      /ffmpeg-core-[\w-]+\.wasm$/,
      /ffmpeg-core-[\w-]+\.js$/,
    ])
      expect(
        models.filter((url) => file.test(url)),
        String(file),
      ).toHaveLength(1);
    const hub = held['transformers-cache'] ?? [];
    expect(hub.some((url) => url.includes('/whisper-tiny.en-random/onnx/'))).toBe(true);
    expect(hub.filter((url) => url.endsWith('.wasm'))).toEqual([]);
    expect(models.filter((url) => url.includes('.asyncify'))).toEqual([]);
  });

  await test.step('offline: reload, import a new video and an AVI; every stage is done', async () => {
    await context.setOffline(true);
    try {
      await page.reload();
      await library.open({ autoAnalyse: false });
      const id = await addVideo(library, 'jfk_bus_zidane.webm');
      const status = await library.analyse(id, ALL_STAGES);
      for (const stage of ALL_STAGES)
        expect(status.stages[stage].state, `${stage}: ${status.stages[stage].detail}`).toBe('done');
      await library.pick(mediaPath('jfk_bus_zidane.avi'));
      await expect(library.card('jfk_bus_zidane.avi')).toBeVisible();
      await expect(library.errors).toHaveCount(0);
    } finally {
      await context.setOffline(false);
    }
  });

  await test.step('Settings shows the true total, and deleting it empties every model cache', async () => {
    const held = await page.evaluate(async () => {
      let bytes = 0;
      for (const name of await caches.keys()) {
        if (name.startsWith('workbox-precache')) continue;
        const cache = await caches.open(name);
        for (const request of await cache.keys())
          bytes += (await (await cache.match(request))?.blob())?.size ?? 0;
      }
      return bytes;
    });
    expect(held).toBeGreaterThan(60_000_000); // two wasm runtimes alone are ~59 MB
    await on(page).settings.open.click();
    const total = on(page).settings.modelCache;
    // "95.3 MB in 31 files": the figure, rounded as shown, is what the caches hold.
    await expect(total).toContainText(/B in \d+ files/);
    const shown = /([\d.]+) (B|KB|MB|GB) in/.exec((await total.textContent()) ?? '');
    const unit = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 }[shown?.[2] ?? 'B'] ?? 1;
    expect(Math.abs(Number(shown?.[1]) * unit - held)).toBeLessThanOrEqual(unit / 10);
    await on(page).settings.clearModels.click();
    await expect(total).toContainText('0 B in 0 files');
    const after = await readCaches(page);
    for (const [name, urls] of Object.entries(after))
      if (!name.startsWith('workbox-precache')) expect(urls, name).toEqual([]);
  });
});
