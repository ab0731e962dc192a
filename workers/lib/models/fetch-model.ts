export { ModelLoadError } from '../../../src/shared/worker-errors';
import { isSoftwareAdapter, type GpuAdapterLike } from '../../../src/shared/gpu-adapter';
import type { BackendChoice } from '../../../src/shared/model-spec';

/**
 * What this worker runs models on, for `backend` (Settings): "wasm" always WASM; "webgpu"
 * WebGPU whenever it gets an adapter; "auto" WebGPU only on a hardware adapter (a software one
 * is far slower than WASM). Says whether the adapter has fp16 shaders.
 */
export async function detectDevice(
  backend: BackendChoice,
): Promise<{ device: 'webgpu' | 'wasm'; shaderF16: boolean }> {
  const wasm = { device: 'wasm', shaderF16: false } as const;
  if (backend === 'wasm') return wasm;
  const gpu = (
    navigator as WorkerNavigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }
  ).gpu;
  try {
    const adapter = await gpu?.requestAdapter();
    if (!adapter || (backend === 'auto' && isSoftwareAdapter(adapter))) return wasm;
    return { device: 'webgpu', shaderF16: adapter.features.has('shader-f16') };
  } catch {
    return wasm; // No usable adapter.
  }
}

/** The device `detectDevice` picks for `backend`. Checked inside the worker. */
export async function pickDevice(backend: BackendChoice): Promise<'webgpu' | 'wasm'> {
  return (await detectDevice(backend)).device;
}
