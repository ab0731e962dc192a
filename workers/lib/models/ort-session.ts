import { evictCachedFiles } from './cache-eviction';
import { ModelLoadError, pickDevice } from './fetch-model';
import { SESSION_OPTIONS, ort, prepareOrtRuntime } from './ort-runtime';

export { ort };

/**
 * An onnxruntime-web session on the best device this worker has: WebGPU when it gets an adapter
 * (WASM still runs the operators WebGPU lacks), else WASM on `threads` threads. `url` is where the bytes
 * came from: a file onnxruntime cannot load is evicted from the caches under it.
 */
export async function createOrtSession(
  bytes: Uint8Array,
  url: string,
  threads = 1,
): Promise<{ session: ort.InferenceSession; device: 'webgpu' | 'wasm' }> {
  await prepareOrtRuntime(threads);
  const device = await pickDevice();
  try {
    const session = await ort.InferenceSession.create(bytes, {
      ...SESSION_OPTIONS,
      executionProviders: device === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'],
    });
    return { session, device };
  } catch (error) {
    await evictCachedFiles(url);
    const name = url.split('/').pop() ?? url;
    throw new ModelLoadError(
      `The model file “${name}” is not a model onnxruntime can load (${String(error).slice(0, 120)}). It may be corrupt: download it again.`,
    );
  }
}
