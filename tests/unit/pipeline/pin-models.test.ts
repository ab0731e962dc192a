import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveModel } from '../../../models';
import { pinAnalysisModels, pinModel, type PinDeps } from '../../../src/pipeline/pin-models';
import { pinOf, readModelPins } from '../../../src/shared/model-pins';
import { listModels } from '../../../src/settings/model-list';
import { readSettings } from '../../../src/settings/settings';
import { MODELS_DIR } from '../../paths';
import { COMMIT, startFakeHub } from '../scripts/fake-hub';

const ID = 'test/all-MiniLM-L6-v2-random';
const choice = (modelBaseUrl: string | null = null) => ({
  modelSet: 'fast' as const,
  modelBaseUrl,
  models: { textEmbed: ID },
});

let hub: Awaited<ReturnType<typeof startFakeHub>>;
beforeAll(async () => {
  hub = await startFakeHub(MODELS_DIR);
});
afterAll(() => new Promise<void>((done) => hub.server.close(() => done())));
afterEach(() => {
  localStorage.clear();
  hub.requests.length = 0;
});

const deps = (cachedUrls: string[] = []): PinDeps => ({
  hub: hub.url,
  fetch: (...args) => fetch(...args),
  cachedUrls: async () => cachedUrls,
});

describe('pinning a model on its first download', () => {
  it('records the commit the Hub served and each weight’s SHA-256; from then on that commit loads', async () => {
    const before = resolveModel('textEmbed', choice());
    expect(before.revision).toBe('main');
    const pin = await pinModel(before, deps());
    expect(hub.requests).toEqual([`/api/models/${ID}/revision/main`]);
    expect(pin?.commit).toBe(COMMIT);
    const weights = 'onnx/model_quantized.onnx';
    const bytes = readFileSync(join(MODELS_DIR, ID, weights));
    expect(pin?.files[weights]).toBe(createHash('sha256').update(bytes).digest('hex'));
    // Config and tokenizer files are not LFS: the Hub names no SHA-256 for them.
    expect(pin?.files['config.json']).toBeUndefined();

    const after = resolveModel('textEmbed', choice());
    expect(after.revision).toBe(COMMIT);
    expect(after.pinnedFrom).toBe('main');
    // Pinned: nothing is asked again.
    expect(await pinModel(after, deps())).toBeNull();
    expect(hub.requests).toHaveLength(1);
    // Settings shows it; the tool-result cache and lineage name it (they key on the revision).
    const row = listModels(choice()).find((r) => r.role === 'textEmbed');
    expect(row?.pinned).toBe(COMMIT);
    // A spec that moves to another revision is not held to the old pin.
    expect(pinOf({ id: ID, baseUrl: null }, 'v2')).toBeNull();
  });

  it('files of the revision already downloaded stay unpinned (not downloaded again)', async () => {
    const model = resolveModel('textEmbed', choice());
    const cached = [`${hub.url}/${ID}/resolve/main/config.json`];
    expect(await pinModel(model, deps(cached))).toBeNull();
    expect(hub.requests).toEqual([]);
    expect(resolveModel('textEmbed', choice()).revision).toBe('main');
  });

  it('a self-hosted folder pins from the bri-pin.json models:fetch wrote, or stays by revision', async () => {
    const base = `${hub.url}/files/`;
    const model = resolveModel('textEmbed', choice(base));
    // ../shared/models has no bri-pin.json: no pin, the model loads as before.
    expect(await pinModel(model, deps())).toBeNull();
    expect(hub.requests).toEqual([`/files/${ID}/bri-pin.json`]);
    expect(readModelPins()).toEqual({});
    // Not asked again before every analysis of this session.
    expect(await pinModel(model, deps())).toBeNull();
    expect(hub.requests).toHaveLength(1);
  });

  it('a Hub that cannot be reached leaves the model unpinned, to be pinned on a later load', async () => {
    const model = resolveModel('textEmbed', choice());
    const offline: PinDeps = { ...deps(), fetch: () => Promise.reject(new TypeError('offline')) };
    expect(await pinModel(model, offline)).toBeNull();
    expect(resolveModel('textEmbed', choice()).revision).toBe('main');
  });

  it('raw ONNX models (detector, OCR) are not pinned here', async () => {
    expect(await pinModel(resolveModel('detect', choice()), deps())).toBeNull();
    expect(hub.requests).toEqual([]);
  });

  it('the analysis models are asked for all at once: one round trip, not one per model', async () => {
    const asked: string[] = [];
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const slowHub: PinDeps = {
      ...deps(),
      fetch: async (input) => {
        asked.push(String(input));
        await answered;
        return new Response('{}', { status: 404 });
      },
    };
    const pinning = pinAnalysisModels({ ...readSettings(), ...choice(), models: {} }, slowHub);
    await new Promise((r) => setTimeout(r, 20));
    // Every model's listing is on its way before the first answer comes back.
    expect(asked).toHaveLength(6);
    answer();
    await pinning;
  });
});
