import type { DeviceInfo } from './diagnostics-types';
import { computePlanHere } from '../shared/wasm-threads';
import { readBackendMemory } from '../shared/backend-memory';
import { adapterName, isSoftwareAdapter, type GpuAdapterLike } from '../shared/gpu-adapter';

export type { DeviceInfo } from './diagnostics-types';

interface NavigatorWithGpu {
  gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> };
  deviceMemory?: number;
}

/**
 * Asks the browser for a WebGPU adapter (no device is created) and reads the CPU figures: with
 * `threadSetting` (Settings' WASM threads), how many threads and lanes the models get.
 */
export async function readDeviceInfo(threadSetting: 'auto' | number = 'auto'): Promise<DeviceInfo> {
  const nav = navigator as Navigator & NavigatorWithGpu;
  const plan = computePlanHere(threadSetting);
  const base = {
    cores: plan.cores,
    memoryGb: nav.deviceMemory ?? null,
    crossOriginIsolated: plan.isolated,
    wasmThreads: plan.threads,
    modelLanes: plan.lanes,
    backendRaces: Object.values(readBackendMemory().races),
  };
  const adapter = await nav.gpu?.requestAdapter().catch(() => null);
  if (!adapter)
    return { ...base, webgpu: false, adapter: null, shaderF16: false, softwareAdapter: false };
  return {
    ...base,
    webgpu: true,
    adapter: adapterName(adapter),
    shaderF16: adapter.features.has('shader-f16'),
    softwareAdapter: isSoftwareAdapter(adapter),
  };
}
