import { describe, expect, it } from 'vitest';
import { MINILM_L6 } from '../../../models/text-embed';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { loadOnce } from '../../../workers/lib/models/model-cache';

const MODEL = {
  ...MINILM_L6,
  url: null,
  baseUrl: 'http://models.local/',
  threads: 1,
  backend: 'auto' as const,
};

describe('loadOnce', () => {
  it('loads once, and tells every caller the device and weights type that run', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads++;
      return { device: 'webgpu', dtype: 'fp32' };
    });
    const heard: ModelProgress[] = [];
    await load(MODEL, (p) => heard.push(p));
    await load(MODEL, (p) => heard.push(p));
    expect(loads).toBe(1);
    expect(heard).toEqual([
      { status: 'ready', model: MODEL.id, device: 'webgpu', dtype: 'fp32', threads: 1 },
      { status: 'ready', model: MODEL.id, device: 'webgpu', dtype: 'fp32', threads: 1 },
    ]);
  });

  it('falls back to the spec’s dtype for the device when the loader does not say', async () => {
    const heard: ModelProgress[] = [];
    await loadOnce(async () => ({ device: 'wasm' }))(MODEL, (p) => heard.push(p));
    expect(heard).toEqual([
      { status: 'ready', model: MODEL.id, device: 'wasm', dtype: 'q8', threads: 1 },
    ]);
  });

  it('tells a caller that joins a load under way the rest of its download', async () => {
    let finish = () => {};
    let report: (progress: ModelProgress) => void = () => {};
    const load = loadOnce(async (_model, onProgress) => {
      report = onProgress;
      onProgress({ status: 'progress', file: 'model.onnx', loaded: 10, total: 100 });
      await new Promise<void>((resolve) => (finish = resolve));
      return { device: 'wasm' };
    });
    // Loaded ahead, with nobody showing its progress; then the stage asks for the same model.
    const ahead = load(MODEL, () => undefined);
    const stage: ModelProgress[] = [];
    const asked = load(MODEL, (p) => stage.push(p));
    report({ status: 'progress', file: 'model.onnx', loaded: 60, total: 100 });
    report({ status: 'done', file: 'model.onnx' });
    finish();
    await Promise.all([ahead, asked]);
    expect(stage.map((p) => p.status)).toEqual(['progress', 'done', 'ready']);
    expect(stage[0]).toMatchObject({ loaded: 60 });
    // Once its call is over, a caller hears nothing more (a later call reloads nothing).
    report({ status: 'progress', file: 'model.onnx', loaded: 99, total: 100 });
    expect(stage).toHaveLength(3);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      if (++calls === 1) throw new Error('offline');
      return { device: 'wasm' };
    });
    await expect(load(MODEL, () => undefined)).rejects.toThrow('offline');
    await expect(load(MODEL, () => undefined)).resolves.toEqual({ device: 'wasm' });
  });
});
