/**
 * The per-model backend race: on first use under "auto" with a hardware WebGPU adapter, a model
 * worker loads the model on WebGPU and on WASM, times a tiny warm-up on each and keeps the faster
 * (WebGPU is not always faster: small models and their data copies can lose to WASM). The result
 * is remembered per device (src/shared/backend-memory.ts) and shown in Settings and Diagnostics.
 */

export type Device = 'webgpu' | 'wasm';

/** One backend's showing in a race. */
export interface BackendTiming {
  device: Device;
  /** Loading the model there (a download, the first time), milliseconds. */
  loadMs: number;
  /** The timed warm-up (after an untimed one that compiles shaders), milliseconds; null if it failed. */
  runMs: number | null;
  /** Why the model could not run there. */
  error?: string;
}

/** A model's race on one device, as remembered. */
export interface BackendRace {
  /** Where the model comes from (modelSourceKey): the same id from another folder is another model. */
  key: string;
  model: string;
  /** The WebGPU adapter raced on (adapterName), and the WASM threads: another device races again. */
  adapter: string;
  threads: number;
  winner: Device;
  timings: BackendTiming[];
  /** Epoch milliseconds. */
  at: number;
}

/** Where a model comes from, without where it runs. */
export function modelSourceKey(model: {
  url: string | null;
  baseUrl: string | null;
  id: string;
}): string {
  return model.url ?? `${model.baseUrl ?? 'hub'}|${model.id}`;
}

/**
 * The faster backend: the lowest timed warm-up among those that ran. A tie (or timings within
 * 5 %) goes to WASM, which needs no GPU memory and no data copies.
 */
export function pickWinner(timings: readonly BackendTiming[]): Device | null {
  const ran = timings.filter((t): t is BackendTiming & { runMs: number } => t.runMs !== null);
  const wasm = ran.find((t) => t.device === 'wasm');
  const gpu = ran.find((t) => t.device === 'webgpu');
  if (!gpu) return wasm ? 'wasm' : null;
  if (!wasm) return 'webgpu';
  return gpu.runMs < wasm.runMs * 0.95 ? 'webgpu' : 'wasm';
}

/** A remembered race still holds on this adapter with these threads (else race again). */
export function raceHolds(
  race: BackendRace | null | undefined,
  adapter: string,
  threads: number,
): race is BackendRace {
  return !!race && race.adapter === adapter && race.threads === threads;
}

const DEVICE_NAMES: Record<Device, string> = { webgpu: 'WebGPU', wasm: 'WASM' };

/** "WebGPU 12 ms, WASM 31 ms" (or "WebGPU failed: …") — each backend's timed warm-up. */
export function describeRace(race: BackendRace): string {
  return race.timings
    .map((t) =>
      t.runMs === null
        ? `${DEVICE_NAMES[t.device]} failed${t.error ? `: ${t.error.slice(0, 80)}` : ''}`
        : `${DEVICE_NAMES[t.device]} ${Math.round(t.runMs)} ms`,
    )
    .join(', ');
}

/** "WebGPU" or "WASM". */
export const deviceName = (device: Device): string => DEVICE_NAMES[device];
