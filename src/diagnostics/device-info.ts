import type { DeviceInfo } from './diagnostics-types';

export type { DeviceInfo } from './diagnostics-types';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  info?: { vendor?: string; architecture?: string; description?: string };
}
interface NavigatorWithGpu {
  gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> };
  deviceMemory?: number;
}

/** Asks the browser for a WebGPU adapter (no device is created) and reads the CPU figures. */
export async function readDeviceInfo(): Promise<DeviceInfo> {
  const nav = navigator as Navigator & NavigatorWithGpu;
  const base = {
    cores: navigator.hardwareConcurrency || 1,
    memoryGb: nav.deviceMemory ?? null,
  };
  const adapter = await nav.gpu?.requestAdapter().catch(() => null);
  if (!adapter) return { ...base, webgpu: false, adapter: null, shaderF16: false };
  const { vendor = '', architecture = '', description = '' } = adapter.info ?? {};
  const name = [vendor, architecture].filter(Boolean).join(' ') || description || 'unnamed adapter';
  return { ...base, webgpu: true, adapter: name, shaderF16: adapter.features.has('shader-f16') };
}
