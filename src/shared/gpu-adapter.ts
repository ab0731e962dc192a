/** What BRI reads of a WebGPU adapter, on either thread. */
export interface GpuAdapterLike {
  features: { has(name: string): boolean };
  info?: {
    vendor?: string;
    architecture?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
}

/**
 * A software WebGPU adapter (SwiftShader, llvmpipe, WARP) renders on the CPU, tens of times
 * slower than WASM for BRI's models (the backend race in Settings → This device shows it), so
 * "auto" skips it.
 */
export function isSoftwareAdapter(adapter: GpuAdapterLike): boolean {
  const info = adapter.info ?? {};
  if (info.isFallbackAdapter) return true;
  const name = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`;
  return /swiftshader|llvmpipe|lavapipe|software|warp/i.test(name);
}

/** How BRI names an adapter ("nvidia ampere", "google swiftshader"), on either thread. */
export function adapterName(adapter: GpuAdapterLike): string {
  const { vendor = '', architecture = '', description = '' } = adapter.info ?? {};
  return [vendor, architecture].filter(Boolean).join(' ') || description || 'unnamed adapter';
}
