import type { ModelProgress } from '../../../src/shared/model-progress';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import { ortThreads } from './ort-runtime';
import { modelSourceKey } from '../../../src/shared/backend-race';
import { loadFastest, type ChosenBy, type Loader, type ModelKind } from './backend-race';

/**
 * Where a model comes from and where it runs: the same id under another base URL, or on another
 * backend (Settings → Where models run), is another load — and under "auto", after the person
 * asked to measure again.
 */
export function modelKey(model: ResolvedModel): string {
  return `${modelSourceKey(model)}|${model.backend}|${model.raceRound ?? 0}`;
}

/**
 * Loads each model once per worker and shares the load between concurrent callers. A failed load
 * is forgotten, so a retry (after the user fixes the URL or the file) loads again. Every caller
 * waiting on a load hears its download progress from the moment it asks — a stage that finds
 * its model already being loaded ahead (src/pipeline/load-ahead.ts) shows the rest of the
 * download — and `ready` with the device and weights type, a cached model included, so each
 * stage's lineage says what really ran. Given a ModelKind, a model under "auto" runs where this
 * device's backend race says it is fastest (loadFastest); the load that ran the race reports it.
 */
export function loadOnce<Loaded extends { device: string; dtype?: string }>(
  how: Loader<Loaded> | ModelKind<Loaded>,
): Loader<Loaded> {
  const load: Loader<Loaded & ChosenBy> =
    typeof how === 'function'
      ? how
      : (model, onProgress) =>
          model.backend === 'auto'
            ? loadFastest(how, model, onProgress)
            : how.load(model, onProgress);
  const loaded = new Map<
    string,
    { loading: Promise<Loaded & ChosenBy>; listeners: Set<(progress: ModelProgress) => void> }
  >();
  return (model, onProgress) => {
    const key = modelKey(model);
    let entry = loaded.get(key);
    if (!entry) {
      const listeners = new Set<(progress: ModelProgress) => void>();
      const loading = load(model, (progress) => listeners.forEach((listen) => listen(progress)));
      loading.catch(() => loaded.delete(key));
      entry = { loading, listeners };
      loaded.set(key, entry);
    }
    const { loading, listeners } = entry;
    listeners.add(onProgress);
    return loading
      .then((ready) => {
        const dtype = ready.dtype ?? model.dtype[ready.device === 'webgpu' ? 'webgpu' : 'wasm'];
        onProgress({
          status: 'ready',
          model: model.id,
          device: ready.device,
          dtype,
          threads: ortThreads(),
          ...(ready.race ? { race: ready.race } : {}),
          ...(ready.remembered ? { remembered: true } : {}),
        });
        return ready;
      })
      .finally(() => listeners.delete(onProgress));
  };
}
