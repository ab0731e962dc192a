export { ModelLoadError } from '../../../src/shared/worker-errors';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
}

/** What this worker can run on: WebGPU when it gets an adapter (and whether it has fp16 shaders). */
export async function detectDevice(): Promise<{ device: 'webgpu' | 'wasm'; shaderF16: boolean }> {
  const gpu = (
    navigator as WorkerNavigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }
  ).gpu;
  try {
    const adapter = await gpu?.requestAdapter();
    if (adapter) return { device: 'webgpu', shaderF16: adapter.features.has('shader-f16') };
  } catch {
    // No usable adapter: WASM below.
  }
  return { device: 'wasm', shaderF16: false };
}

/** WebGPU when this worker can get an adapter, else WASM. Checked inside the worker. */
export async function pickDevice(): Promise<'webgpu' | 'wasm'> {
  return (await detectDevice()).device;
}
