import * as ort from 'onnxruntime-web/webgpu';
// onnxruntime-web's one API for the whole app (WebGPU + WASM), served by the app itself (never
// a CDN), at exactly the version transformers.js pins, with two wasm builds (BUILDS). Their small
// .mjs glue is in the app shell (the service worker's precache); the wasm binary a worker uses is
// kept in the model file cache.
import asyncifyMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import asyncifyWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import plainMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { fetchCachedFile } from './file-cache';
import { pickDevice } from './fetch-model';
import { NotAnOnnxModelError, WEIGHTS_PATH, splitWeights } from './external-weights';
import { freeNow } from './free-now';

export { ort };

let loading: Promise<void> | undefined;

/**
 * Options every session in the app is created with. Threads must not spin while waiting:
 * onnxruntime's pool threads busy-wait by default between runs, and a captioner's encoder and
 * decoder are two sessions with a pool each — on two cores the idle pool's spinning took the
 * core the running one needed, and two threads captioned no faster than one.
 */
export const SESSION_OPTIONS = {
  extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
} as const;

/**
 * onnxruntime's two wasm builds. WebGPU needs the asyncify one; on WASM alone the plain one is
 * half the size and far cheaper: it indexes faster and roughly halves the renderer's peak, since
 * V8 compiling the asyncify build's inflated functions for each model worker was most of that
 * peak (`npm run bench -- --real-size`: `index_total_s`, `peak_renderer_mb`).
 */
const BUILDS = {
  webgpu: { mjs: asyncifyMjsUrl, wasm: asyncifyWasmUrl },
  wasm: { mjs: plainMjsUrl, wasm: plainWasmUrl },
} as const;

/**
 * Points onnxruntime at the app's own wasm — the plain build where this browser has no WebGPU
 * adapter, else the one WebGPU needs — and hands it the binary from the model file cache, so
 * every session in this worker — transformers.js' and our own — runs offline once it has run
 * online. Call before creating a session; runs once per worker, so the first call's `threads`
 * is the worker's (onnxruntime starts its thread pool once).
 */
export function prepareOrtRuntime(threads = 1): Promise<void> {
  loading ??= (async () => {
    // Any adapter at all, a software one too (it can be chosen in Settings or raced): the build
    // WebGPU needs. Without one, nothing in this worker ever runs on WebGPU.
    const build = await pickDevice('webgpu');
    ort.env.wasm.wasmPaths = BUILDS[build];
    // More than one thread needs SharedArrayBuffer, so a cross-origin isolated page (COOP/COEP
    // headers, or the service worker adding them: src/pwa/sw.ts); without it, one.
    ort.env.wasm.numThreads = self.crossOriginIsolated ? threads : 1;
    const bytes = await fetchCachedFile(BUILDS[build].wasm);
    ort.env.wasm.wasmBinary = bytes.buffer;
    loadWeightsAsExternalData();
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The threads onnxruntime runs with in this worker (1 until prepared). */
export function ortThreads(): number {
  return loading ? (ort.env.wasm.numThreads ?? 1) : 1;
}

type CreateSession = (model: unknown, ...rest: unknown[]) => Promise<ort.InferenceSession>;

let weightsExternal = false;

/** `model` with its large weights made external, or null (nothing large, or not a protobuf). */
function graphWithoutWeights(model: Uint8Array): Uint8Array | null {
  try {
    return splitWeights(model);
  } catch (error) {
    if (error instanceof NotAnOnnxModelError) return null;
    throw error;
  }
}

/**
 * Makes every session this worker creates from bytes — transformers.js' as well as ours, which
 * share this onnxruntime — take its large weights as external data (external-weights.ts), so
 * they are copied into the wasm heap once instead of three times (about half the captioner's
 * heap; `npm run bench -- --real-size` prints the peaks). onnxruntime-web
 * has no hook for this, so `InferenceSession.create` is wrapped, once per worker; a URL, an
 * explicit byte range or a model that already has external data is passed through unchanged, and
 * so are bytes that are not a protobuf (onnxruntime then says what is wrong with them). Once the
 * session exists the file's bytes are freed at once (free-now.ts).
 */
function loadWeightsAsExternalData(): void {
  if (weightsExternal) return;
  weightsExternal = true;
  const sessions = ort.InferenceSession as unknown as { create: CreateSession };
  const create = sessions.create.bind(ort.InferenceSession);
  sessions.create = (model, ...rest) => {
    const options = (rest[0] ?? {}) as ort.InferenceSession.SessionOptions;
    const graph =
      model instanceof Uint8Array && rest.length <= 1 && !options.externalData
        ? graphWithoutWeights(model)
        : null;
    if (!graph) return create(model, ...rest);
    return create(graph, { ...options, externalData: [{ path: WEIGHTS_PATH, data: model }] }).then(
      (session) => {
        // The weights are in the wasm heap now; nobody reads the file's bytes again.
        freeNow(model as Uint8Array);
        return session;
      },
    );
  };
}
