/** Typed download progress, keyed by file (whisper-web's shape). */
export type ModelProgress =
  | { status: 'initiate'; file: string }
  | { status: 'progress'; file: string; loaded: number; total: number | null }
  | { status: 'done'; file: string }
  | { status: 'ready'; model: string; device: string; dtype?: string };

/** What a model worker reports during a long call: model loading, then how much work is done. */
export type WorkProgress = ModelProgress | { status: 'work'; fraction: number };

export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

/**
 * Downloads one model file, reporting bytes as they arrive. The service worker keeps .onnx files
 * in its cache after the first download, so later loads come from disk.
 */
export async function fetchModelFile(
  url: string,
  onProgress: (progress: ModelProgress) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const file = url.split('/').pop() ?? url;
  onProgress({ status: 'initiate', file });
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ModelLoadError(
      `Could not download the model file “${file}” from ${new URL(url).host}. If you are offline or that host blocks browsers, host the models yourself (npm run models:fetch) and set the model base URL in Settings.`,
    );
  }
  if (!response.ok || !response.body)
    throw new ModelLoadError(
      `The model file “${file}” is missing at ${url} (HTTP ${response.status}). Check the model base URL and model id in Settings.`,
    );
  const total = Number(response.headers.get('content-length')) || null;
  const parts: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.byteLength;
    onProgress({ status: 'progress', file, loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  onProgress({ status: 'done', file });
  return bytes;
}

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
