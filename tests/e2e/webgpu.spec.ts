import { chromium, type Page } from '@playwright/test';
import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { embedBoth } from './support/bri-in-page';
import { LibraryPage } from './support/library-page';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { describeRace } from '../../src/shared/backend-race';

// With --enable-unsafe-webgpu this Chromium offers SwiftShader's WebGPU adapter (no shader-f16,
// ~50× slower than WASM here): "auto" leaves it alone and runs WASM; forced to WebGPU (Settings →
// Where models run), both embedders' query towers load on WebGPU and agree with WASM; after
// "Measure again", auto races each tower on both and runs it where it was faster.
const WEBGPU_ARGS = [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'];

async function queryVectors(page: Page, backend: 'auto' | 'webgpu' = 'auto') {
  await new LibraryPage(page).open({ autoAnalyse: false });
  await briOf(page).configure({ backend });
  return embedBoth(page, 'a red bus on a street');
}

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
}

test('a software WebGPU adapter is left for WASM; forced to WebGPU the embedders run there, matching WASM; measured again, each runs where it raced faster', async ({
  page,
}) => {
  test.setTimeout(240_000);
  /** The onnxruntime wasm builds a page's workers fetched: plain or asyncify (WebGPU's). */
  const builds = (target: Page) => {
    const seen = new Set<string>();
    target.on('request', (request) => {
      const name = /ort-wasm-simd-threaded(\.asyncify)?-[\w-]+\.wasm$/.exec(request.url());
      if (name) seen.add(name[1] ? 'asyncify' : 'plain');
    });
    return seen;
  };
  const wasmBuilds = builds(page);
  const wasm = await queryVectors(page);
  expect(wasm.text.device).toBe('wasm');
  // No adapter at all: the plain build, which WASM runs far faster.
  expect([...wasmBuilds]).toEqual(['plain']);

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: WEBGPU_ARGS });
  try {
    const gpuPage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    const gpuBuilds = builds(gpuPage);
    const auto = await queryVectors(gpuPage);
    // An adapter, even a software one, can be chosen or raced: the build WebGPU needs.
    expect([...gpuBuilds]).toEqual(['asyncify']);
    const { device } = await briOf(gpuPage).diagnostics();
    expect(device).toMatchObject({ webgpu: true, softwareAdapter: true });
    expect([auto.text.device, auto.image.device]).toEqual(['wasm', 'wasm']);
    await on(gpuPage).settings.open.click();
    await on(gpuPage).settings.advanced.click();
    await expect(on(gpuPage).device.info).toContainText('a software adapter');
    await on(gpuPage).settings.backend.selectOption('webgpu');
    await on(gpuPage).settings.save.click();
    const gpu = await queryVectors(gpuPage, 'webgpu');
    for (const space of ['text', 'image'] as const) {
      expect(gpu[space].device, space).toBe('webgpu');
      expect(gpu[space].model).toBe(wasm[space].model);
      expect(gpu[space].vector).toHaveLength(wasm[space].vector.length);
      expect(cosine(gpu[space].vector, wasm[space].vector), space).toBeGreaterThan(0.99);
    }

    // Back on auto, "Measure again" times both query towers on SwiftShader's WebGPU and on WASM
    // and keeps the faster of each; after a reload that result is used without racing again.
    await on(gpuPage).settings.open.click();
    await on(gpuPage).settings.advanced.click();
    await on(gpuPage).settings.backend.selectOption('auto');
    await on(gpuPage).settings.backendMeasure.click();
    await on(gpuPage).settings.save.click();
    const raced = await queryVectors(gpuPage);
    const races = (await briOf(gpuPage).diagnostics()).device.backendRaces;
    expect(races.map((race) => race.model).sort()).toEqual(
      [wasm.image.model, wasm.text.model].sort(),
    );
    for (const race of races) {
      expect(race.adapter).toMatch(/swiftshader/i);
      expect(race.timings.map((t) => t.device)).toEqual(['wasm', 'webgpu']);
      for (const t of race.timings)
        expect(t.runMs, `${race.model} on ${t.device}`).toBeGreaterThan(0);
      const [cpu, gpuTime] = race.timings.map((t) => t.runMs ?? Infinity);
      expect(race.winner).toBe((gpuTime ?? 0) < (cpu ?? 0) * 0.95 ? 'webgpu' : 'wasm');
    }
    for (const race of races)
      console.info(`race on SwiftShader: ${race.model}: ${describeRace(race)} → ${race.winner}`);
    const winnerOf = (model: string) => races.find((race) => race.model === model)?.winner;
    for (const space of ['text', 'image'] as const) {
      expect(raced[space].device, space).toBe(winnerOf(raced[space].model));
      expect(cosine(raced[space].vector, wasm[space].vector), space).toBeGreaterThan(0.99);
    }
    await gpuPage.reload();
    const remembered = await queryVectors(gpuPage);
    const after = (await briOf(gpuPage).diagnostics()).device.backendRaces;
    expect(after.map((race) => race.at)).toEqual(races.map((race) => race.at));
    expect([remembered.text.device, remembered.image.device]).toEqual([
      raced.text.device,
      raced.image.device,
    ]);
    await on(gpuPage).settings.open.click();
    await on(gpuPage).settings.advanced.click();
    await expect(on(gpuPage).device.race).toHaveCount(2);
    await expect(on(gpuPage).device.race.first()).toContainText('the faster here (WASM');
  } finally {
    await browser.close();
  }
});
