import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { ortThreads } from './ort-runtime';

type Loader<Loaded> = (
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
) => Promise<Loaded>;

/**
 * Where a model comes from and where it runs: the same id under another base URL, or on another
 * backend (Settings → Where models run), is another load.
 */
export function modelKey(model: ResolvedModel): string {
  return `${model.url ?? `${model.baseUrl ?? 'hub'}|${model.id}`}|${model.backend}`;
}

/**
 * Loads each model once per worker and shares the load between concurrent callers. A failed load
 * is forgotten, so a retry (after the user fixes the URL or the file) loads again. Every caller
 * hears `ready` with the device and weights type, a cached model included, so each stage's
 * lineage says what really ran.
 */
export function loadOnce<Loaded extends { device: string; dtype?: string }>(
  load: Loader<Loaded>,
): Loader<Loaded> {
  const loaded = new Map<string, Promise<Loaded>>();
  return (model, onProgress) => {
    const key = modelKey(model);
    let loading = loaded.get(key);
    if (!loading) {
      loading = load(model, onProgress);
      loading.catch(() => loaded.delete(key));
      loaded.set(key, loading);
    }
    return loading.then((ready) => {
      const dtype = ready.dtype ?? model.dtype[ready.device === 'webgpu' ? 'webgpu' : 'wasm'];
      onProgress({
        status: 'ready',
        model: model.id,
        device: ready.device,
        dtype,
        threads: ortThreads(),
      });
      return ready;
    });
  };
}
