import * as ort from 'onnxruntime-web/webgpu';
// onnxruntime-web's one build for the whole app (WebGPU + WASM), served by the app itself (never
// a CDN), at exactly the version transformers.js pins. Its small .mjs glue is in the app shell
// (the service worker's precache); its wasm binary is kept in the model file cache.
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { fetchCachedFile } from './file-cache';

export { ort };

let loading: Promise<void> | undefined;

/**
 * Options every session in the app is created with. Threads must not spin while waiting:
 * onnxruntime's pool threads busy-wait by default between runs, and a captioner's encoder and
 * decoder are two sessions with a pool each — on two cores the idle pool's spinning took the
 * core the running one needed (real-size captions: 2 threads no faster than 1).
 */
export const SESSION_OPTIONS = {
  extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
} as const;

/**
 * Points onnxruntime at the app's own wasm and hands it the binary from the model file cache, so
 * every session in this worker — transformers.js' and our own — runs offline once it has run
 * online. Call before creating a session; runs once per worker, so the first call's `threads`
 * is the worker's (onnxruntime starts its thread pool once).
 */
export function prepareOrtRuntime(threads = 1): Promise<void> {
  loading ??= (async () => {
    ort.env.wasm.wasmPaths = { mjs: ortMjsUrl, wasm: ortWasmUrl };
    // More than one thread needs SharedArrayBuffer, so a cross-origin isolated page (COOP/COEP
    // headers, or the service worker adding them: src/pwa/sw.ts); without it, one.
    ort.env.wasm.numThreads = self.crossOriginIsolated ? threads : 1;
    const bytes = await fetchCachedFile(ortWasmUrl);
    ort.env.wasm.wasmBinary = bytes.buffer;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The threads onnxruntime runs with in this worker (1 until prepared). */
export function ortThreads(): number {
  return loading ? (ort.env.wasm.numThreads ?? 1) : 1;
}
