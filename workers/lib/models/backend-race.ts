import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import {
  modelSourceKey,
  pickWinner,
  raceHolds,
  type BackendRace,
  type BackendTiming,
  type Device,
} from '../../../src/shared/backend-race';
import {
  adapterName,
  isSoftwareAdapter,
  type GpuAdapterLike,
} from '../../../src/shared/gpu-adapter';
import { errorMessage } from '../../../src/shared/error-message';

export type Loader<Loaded> = (
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
) => Promise<Loaded>;

/** A model as a worker runs it: how to load it, a tiny input to time it on, and how to free it. */
export interface ModelKind<Loaded> {
  load: Loader<Loaded>;
  /** One small inference (a blank image, a second of silence, a short sentence). */
  warmUp: (loaded: Loaded) => Promise<unknown>;
  /** Frees what the load holds (sessions, GPU buffers). */
  dispose: (loaded: Loaded) => Promise<void>;
}

/** What a load under "auto" says about how its device was chosen. */
export interface ChosenBy {
  race?: BackendRace;
  remembered?: boolean;
}

async function gpuAdapter(): Promise<GpuAdapterLike | null> {
  const gpu = (
    navigator as WorkerNavigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }
  ).gpu;
  try {
    return (await gpu?.requestAdapter()) ?? null;
  } catch {
    return null;
  }
}

/** The model loaded on `device`, with its timed warm-up; a failure is a timing with its reason. */
async function trial<Loaded>(
  kind: ModelKind<Loaded>,
  model: ResolvedModel,
  device: Device,
  onProgress: (progress: ModelProgress) => void,
): Promise<{ timing: BackendTiming; loaded: Loaded | null; error: unknown }> {
  const started = performance.now();
  let loaded: Loaded | null = null;
  try {
    loaded = await kind.load({ ...model, backend: device }, onProgress);
    const loadMs = performance.now() - started;
    await kind.warmUp(loaded); // Compiles WebGPU's shaders, sizes WASM's buffers: not timed.
    const run = performance.now();
    await kind.warmUp(loaded);
    return { timing: { device, loadMs, runMs: performance.now() - run }, loaded, error: null };
  } catch (error) {
    if (loaded) await kind.dispose(loaded).catch(() => undefined);
    const loadMs = performance.now() - started;
    return {
      timing: { device, loadMs, runMs: null, error: errorMessage(error) },
      loaded: null,
      error,
    };
  }
}

/**
 * Loads `model` under "auto": WASM without a WebGPU adapter or on a software one (unless the
 * person asked to measure again); this device's remembered winner when the adapter and threads
 * are the ones it was measured with; else a race — WASM first (its load fills the cache), then
 * WebGPU, each warmed up once untimed and once timed — keeping the faster and freeing the other.
 */
export async function loadFastest<Loaded>(
  kind: ModelKind<Loaded>,
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<Loaded & ChosenBy> {
  const adapter = await gpuAdapter();
  if (!adapter || (isSoftwareAdapter(adapter) && !model.raceRound))
    return kind.load({ ...model, backend: 'wasm' }, onProgress) as Promise<Loaded & ChosenBy>;
  const name = adapterName(adapter);
  if (raceHolds(model.measured, name, model.threads)) {
    const loaded = await kind.load({ ...model, backend: model.measured.winner }, onProgress);
    return Object.assign(loaded as Loaded & ChosenBy, { remembered: true });
  }
  const trials = [];
  for (const device of ['wasm', 'webgpu'] as const)
    trials.push(await trial(kind, model, device, onProgress));
  const timings = trials.map((t) => t.timing);
  const winner = pickWinner(timings);
  const kept = trials.find((t) => t.timing.device === winner)?.loaded;
  for (const t of trials)
    if (t.loaded && t.loaded !== kept) await kind.dispose(t.loaded).catch(() => undefined);
  if (!winner || !kept) throw trials[0]?.error ?? new Error(`${model.id} ran on no backend`);
  const race: BackendRace = {
    key: modelSourceKey(model),
    model: model.id,
    adapter: name,
    threads: model.threads,
    winner,
    timings,
    at: Date.now(),
  };
  return Object.assign(kept as Loaded & ChosenBy, { race });
}
