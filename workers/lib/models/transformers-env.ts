import { evictCachedFiles } from './cache-eviction';
import { env, type ProgressInfo } from '@huggingface/transformers';
import type { ModelDtype, ResolvedModel } from '../../../src/shared/model-spec';
import { dtypeOn } from '../../../src/shared/model-dtype';
import { ModelLoadError, detectDevice } from './fetch-model';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { SESSION_OPTIONS, prepareOrtRuntime } from './ort-runtime';
import { errorMessage } from '../../../src/shared/error-message';
import { reportDownloads, transformersCache } from './transformers-cache';

const HUB_HOST = 'https://huggingface.co/';
const HUB_PATH_TEMPLATE = '{model}/resolve/{revision}/';

/**
 * Points transformers.js at the model's source: the Hub (browser cache on) by default, or a
 * self-hosted folder in the same layout (`<base>/<id>/config.json`, `<base>/<id>/onnx/…`).
 */
async function prepareTransformers(
  model: ResolvedModel,
): Promise<{ device: 'webgpu' | 'wasm'; dtype: ModelDtype }> {
  // transformers.js shares our onnxruntime build; its wasm comes from the model file cache
  // (prepareOrtRuntime), so transformers.js must not keep a second copy in its own cache.
  env.useWasmCache = false;
  // Downloads stream straight into the cache and are read from it once (transformers-cache.ts).
  env.useCustomCache = true;
  env.customCache = transformersCache;
  await prepareOrtRuntime(model.threads);
  // A self-hosted folder is a "remote host" with a flat layout. Not `localModelPath`: with an
  // absolute URL there, transformers.js 4.3 skips its existence check for optional files
  // (preprocessor_config.json) and builds the ASR pipeline without its feature extractor.
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = model.baseUrl
    ? model.baseUrl.endsWith('/')
      ? model.baseUrl
      : `${model.baseUrl}/`
    : HUB_HOST;
  env.remotePathTemplate = model.baseUrl ? '{model}/' : HUB_PATH_TEMPLATE;
  const { device, shaderF16 } = await detectDevice(model.backend);
  return { device, dtype: dtypeOn(model, device, shaderF16) };
}

/** The URL folder transformers.js reads `model`'s files from (its buildResourcePaths). */
function modelFolder(model: ResolvedModel): string {
  const path = env.remotePathTemplate
    .replaceAll('{model}', model.id)
    .replaceAll('{revision}', encodeURIComponent(model.revision))
    .replace(/^\/|\/$/g, '');
  return `${env.remoteHost.replace(/\/$/, '')}/${path}/`;
}

/**
 * transformers.js progress events in the app's progress shape, and the bytes of the downloads
 * transformersCache makes for it. A file's bytes never go backwards: transformers.js reads a file
 * just downloaded from the cache, from 0 again, and that read is no news.
 */
function forwardProgress(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): { callback: (info: ProgressInfo) => void; stop: () => void } {
  const seen = new Map<string, number>();
  const bytes = (file: string, loaded: number, total: number | null) => {
    if (loaded < (seen.get(file) ?? 0)) return;
    seen.set(file, loaded);
    onProgress({ status: 'progress', file, loaded, total });
  };
  const stop = reportDownloads(modelFolder(model), bytes);
  const callback = (info: ProgressInfo) => {
    if (info.status === 'initiate') onProgress({ status: 'initiate', file: info.file });
    else if (info.status === 'progress') bytes(info.file, info.loaded, info.total);
    else if (info.status === 'done') onProgress({ status: 'done', file: info.file });
  };
  return { callback, stop };
}

/**
 * Turns transformers.js' load failures into messages that say what to do. A corrupt file is also
 * evicted from the browser's caches, so the next attempt downloads it again.
 */
async function explainLoadFailure(model: ResolvedModel, error: unknown): Promise<ModelLoadError> {
  const detail = errorMessage(error);
  const where = model.baseUrl ?? 'the Hugging Face Hub';
  if (/not found|404|tokenizer_class|Could not locate/i.test(detail))
    return new ModelLoadError(
      `The model “${model.id}” (or one of its files) is missing at ${where}. Check the model base URL and model id in Settings.`,
    );
  if (/protobuf|invalid model|failed to load model|Can't create a session/i.test(detail)) {
    await evictCachedFiles(`/${model.id}/`);
    return new ModelLoadError(
      `A file of the model “${model.id}” is not a model onnxruntime can load (${detail.slice(0, 160)}). It may be corrupt: download it again.`,
    );
  }
  return new ModelLoadError(`The model “${model.id}” could not be loaded from ${where}: ${detail}`);
}

/** What `loadWithTransformers` adds to whatever a loader built. */
export interface LoadedOn {
  device: 'webgpu' | 'wasm';
  dtype: string;
}

/**
 * Loads a transformers.js model the one way every model worker does: pointed at the model's
 * source, on the best device with its dtype, download progress forwarded, and a failure turned
 * into a message that says what to do. `load` builds the pipeline or model parts from the
 * options it is given. (The "ready" event comes from `loadOnce`, for cached models too.)
 */
export async function loadWithTransformers<T>(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
  load: (options: Record<string, unknown>) => Promise<T>,
): Promise<T & LoadedOn> {
  const { device, dtype } = await prepareTransformers(model);
  const progress = forwardProgress(model, onProgress);
  try {
    const loaded = await load({
      device,
      dtype,
      revision: model.revision,
      session_options: SESSION_OPTIONS,
      progress_callback: progress.callback,
    });
    return { ...loaded, device, dtype };
  } catch (error) {
    throw await explainLoadFailure(model, error);
  } finally {
    progress.stop();
  }
}
