import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINILM_L6 } from '../../../models/text-embed';
import { resolveModel } from '../../../models';
import type { ModelProgress } from '../../../src/shared/model-progress';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import { measureAgain, readBackendMemory, rememberRace } from '../../../src/shared/backend-memory';
import { describeRace, pickWinner, type BackendRace } from '../../../src/shared/backend-race';
import { loadFastest, type ModelKind } from '../../../workers/lib/models/backend-race';
import { loadOnce } from '../../../workers/lib/models/model-cache';

const MODEL: ResolvedModel = {
  ...MINILM_L6,
  url: null,
  baseUrl: 'http://models.local/',
  threads: 2,
  backend: 'auto',
};

const HARDWARE = {
  features: new Set<string>(),
  info: { vendor: 'nvidia', architecture: 'ampere' },
};
const SOFTWARE = {
  features: new Set<string>(),
  info: { vendor: 'google', architecture: 'swiftshader' },
};

function offerAdapter(adapter: object | null): void {
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter } });
}

/** A model whose warm-up takes `ms[device]`; it records what it loaded and freed. */
function kindTaking(ms: { webgpu: number; wasm: number }, failOn?: 'webgpu') {
  const loads: string[] = [];
  const disposed: string[] = [];
  const kind: ModelKind<{ device: 'webgpu' | 'wasm' }> = {
    async load(model) {
      const device = model.backend === 'webgpu' ? 'webgpu' : 'wasm';
      loads.push(device);
      return { device };
    },
    async warmUp(loaded) {
      if (loaded.device === failOn) throw new Error('no such operator on WebGPU');
      await new Promise((done) => setTimeout(done, ms[loaded.device]));
    },
    async dispose(loaded) {
      disposed.push(loaded.device);
    },
  };
  return { kind, loads, disposed };
}

const ignore = () => undefined;

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('pickWinner', () => {
  it('takes the lower timed warm-up, WASM on a near tie, and the one that ran when the other failed', () => {
    const t = (webgpu: number | null, wasm: number | null) =>
      pickWinner([
        { device: 'wasm', loadMs: 1, runMs: wasm },
        { device: 'webgpu', loadMs: 1, runMs: webgpu },
      ]);
    expect(t(10, 40)).toBe('webgpu');
    expect(t(40, 10)).toBe('wasm');
    expect(t(97, 100)).toBe('wasm'); // within 5 %: the CPU needs no GPU memory or copies
    expect(t(null, 100)).toBe('wasm');
    expect(t(100, null)).toBe('webgpu');
    expect(t(null, null)).toBeNull();
  });
});

describe('loadFastest', () => {
  it('races WASM and WebGPU on a hardware adapter, keeps the faster and frees the other', async () => {
    offerAdapter(HARDWARE);
    const { kind, loads, disposed } = kindTaking({ webgpu: 5, wasm: 60 });
    const loaded = await loadFastest(kind, MODEL, ignore);
    expect(loaded.device).toBe('webgpu');
    expect(loads).toEqual(['wasm', 'webgpu']);
    expect(disposed).toEqual(['wasm']);
    expect(loaded.race).toMatchObject({
      model: MODEL.id,
      adapter: 'nvidia ampere',
      threads: 2,
      winner: 'webgpu',
    });
    expect(loaded.race?.timings.map((t) => t.device)).toEqual(['wasm', 'webgpu']);
    expect(describeRace(loaded.race as BackendRace)).toMatch(/^WASM \d+ ms, WebGPU \d+ ms$/);
  });

  it('keeps WASM when WebGPU is slower, or fails there, saying why', async () => {
    offerAdapter(HARDWARE);
    const slow = kindTaking({ webgpu: 60, wasm: 5 });
    expect((await loadFastest(slow.kind, MODEL, ignore)).device).toBe('wasm');
    expect(slow.disposed).toEqual(['webgpu']);
    const failing = kindTaking({ webgpu: 1, wasm: 5 }, 'webgpu');
    const loaded = await loadFastest(failing.kind, MODEL, ignore);
    expect(loaded.device).toBe('wasm');
    expect(failing.disposed).toEqual(['webgpu']);
    expect(describeRace(loaded.race as BackendRace)).toMatch(/WebGPU failed: no such operator/);
  });

  it('runs on WASM without racing where there is no adapter, or only a software one', async () => {
    for (const adapter of [null, SOFTWARE]) {
      offerAdapter(adapter);
      const { kind, loads } = kindTaking({ webgpu: 1, wasm: 1 });
      const loaded = await loadFastest(kind, MODEL, ignore);
      expect(loaded).toEqual({ device: 'wasm' });
      expect(loads).toEqual(['wasm']);
    }
  });

  it('a software adapter races too once the person asked to measure again', async () => {
    offerAdapter(SOFTWARE);
    const { kind, loads } = kindTaking({ webgpu: 60, wasm: 5 });
    const loaded = await loadFastest(kind, { ...MODEL, raceRound: 1 }, ignore);
    expect(loads).toEqual(['wasm', 'webgpu']);
    expect(loaded.race?.adapter).toBe('google swiftshader');
  });

  it('loads the remembered winner on the same adapter and threads, and races again on others', async () => {
    offerAdapter(HARDWARE);
    const first = await loadFastest(kindTaking({ webgpu: 5, wasm: 60 }).kind, MODEL, ignore);
    const measured = first.race as BackendRace;
    const again = kindTaking({ webgpu: 60, wasm: 5 });
    const loaded = await loadFastest(again.kind, { ...MODEL, measured }, ignore);
    expect(loaded).toEqual({ device: 'webgpu', remembered: true });
    expect(again.loads).toEqual(['webgpu']);
    const moreThreads = kindTaking({ webgpu: 60, wasm: 5 });
    await loadFastest(moreThreads.kind, { ...MODEL, threads: 4, measured }, ignore);
    expect(moreThreads.loads).toEqual(['wasm', 'webgpu']);
  });
});

describe('backend memory', () => {
  it('resolves "auto" models with this device’s race, until the person asks to measure again', async () => {
    offerAdapter(HARDWARE);
    const choice = { modelSet: 'fast', modelBaseUrl: 'http://models.local/', models: {} } as const;
    const model = resolveModel('textEmbed', choice);
    expect(model).toMatchObject({ backend: 'auto', measured: null, raceRound: 0 });
    const heard: ModelProgress[] = [];
    const load = loadOnce(kindTaking({ webgpu: 5, wasm: 60 }).kind);
    await load(model, (p) => heard.push(p));
    const ready = heard.find((p) => p.status === 'ready');
    if (ready?.status !== 'ready' || !ready.race) throw new Error('no race reported');
    rememberRace(ready.race);
    expect(resolveModel('textEmbed', choice).measured).toEqual(ready.race);
    expect(resolveModel('textEmbed', { ...choice, backend: 'wasm' }).measured).toBeUndefined();

    measureAgain();
    expect(readBackendMemory()).toEqual({ round: 1, races: {} });
    const remeasured = resolveModel('textEmbed', choice);
    expect(remeasured).toMatchObject({ measured: null, raceRound: 1 });
  });

  it('ignores a stored memory it cannot read, and a race that does not fit its shape', () => {
    localStorage.setItem('bri.backends', '{"round": -1, "races": 5}');
    expect(readBackendMemory()).toEqual({ round: 0, races: {} });
    rememberRace({ key: 'k', model: 'm', adapter: 'a', threads: 0 } as unknown as BackendRace);
    expect(readBackendMemory().races).toEqual({});
  });
});
