/**
 * How many WASM threads each model worker asks onnxruntime for. Decided the same way on the main
 * thread (which sizes the model lanes by it) and in the workers (which start onnxruntime with it).
 */

/** Past this, threads of one model worker stop paying for themselves on WASM (onnxruntime's own cap). */
const MAX_THREADS = 4;

/**
 * Threads for this device: one where the page is not cross-origin isolated (no
 * SharedArrayBuffer); else `setting`, or for "auto" every core up to MAX_THREADS. One model at a
 * time on every thread indexes faster than two side by side on fewer (each model waits less on
 * the other's memory traffic), so a device's cores go to threads first, and to lanes (laneCount)
 * only past MAX_THREADS. `npm run bench -- --real-size --threads N` measures it.
 */
export function wasmThreads(isolated: boolean, cores: number, setting: 'auto' | number): number {
  if (!isolated) return 1;
  const wanted = setting === 'auto' ? cores : Math.floor(setting);
  return Math.max(1, Math.min(MAX_THREADS, cores, wanted));
}

/** More lanes than this keep too many models in memory at once (a real-size captioner is 250 MB). */
const MAX_LANES = 2;

/**
 * How many model stages run side by side: one per `threads` cores (the WASM threads each model
 * worker uses), at least one, at most MAX_LANES.
 */
export function laneCount(cores: number, threads: number): number {
  return Math.max(1, Math.min(MAX_LANES, Math.floor(cores / Math.max(1, threads))));
}

/** What this page can give the models, for Settings' WASM threads `setting`. */
export interface ComputePlan {
  /** Cross-origin isolated: SharedArrayBuffer, so several WASM threads are possible. */
  isolated: boolean;
  cores: number;
  /** WASM threads per model worker. */
  threads: number;
  /** Model stages side by side. */
  lanes: number;
}

/** This page's plan (outside a browser page, such as in Node: one core, not isolated). */
export function computePlanHere(setting: 'auto' | number): ComputePlan {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency || 1;
  const threads = wasmThreads(isolated, cores, setting);
  return { isolated, cores, threads, lanes: laneCount(cores, threads) };
}
