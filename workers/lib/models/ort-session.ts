import { evictCachedFiles } from './cache-eviction';
import { ModelLoadError, pickDevice } from './fetch-model';
import { SESSION_OPTIONS, ort, prepareOrtRuntime } from './ort-runtime';
import type { ResolvedModel } from '../../../src/shared/model-spec';

export { ort };

/**
 * An onnxruntime-web session on the device `backend` picks (detectDevice: WebGPU on a hardware
 * adapter, WASM still running the operators WebGPU lacks), else WASM on `threads` threads. `url` is where the bytes
 * came from: a file onnxruntime cannot load is evicted from the caches under it.
 */
export async function createOrtSession(
  bytes: Uint8Array,
  url: string,
  { threads, backend }: Pick<ResolvedModel, 'threads' | 'backend'>,
): Promise<{ session: ort.InferenceSession; device: 'webgpu' | 'wasm' }> {
  await prepareOrtRuntime(threads);
  const device = await pickDevice(backend);
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
