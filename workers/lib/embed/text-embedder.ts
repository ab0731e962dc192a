import { pipeline, type FeatureExtractionPipeline, type Tensor } from '@huggingface/transformers';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { loadWithTransformers, type LoadedOn } from '../models/transformers-env';
import type { ModelKind } from '../models/backend-race';
import { WARM_UP_TEXT } from '../models/warm-up-inputs';

export interface LoadedTextEmbedder extends LoadedOn {
  extractor: FeatureExtractionPipeline;
  pooling: 'mean' | 'cls';
}

/** Rows of a [n, d] tensor as separate vectors. */
export function rowsOf(tensor: Tensor): Float32Array[] {
  const [rows = 0, width = 0] = tensor.dims;
  const data = tensor.data as Float32Array;
  return Array.from({ length: rows }, (_, i) => data.slice(i * width, (i + 1) * width));
}

export function loadTextEmbedder(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedTextEmbedder> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    extractor: (await pipeline(
      'feature-extraction',
      model.id,
      options,
    )) as FeatureExtractionPipeline,
    pooling: model.pooling ?? 'mean',
  }));
}

/** One unit-length sentence vector per text. */
export async function embedTextBatch(
  loaded: LoadedTextEmbedder,
  texts: string[],
): Promise<Float32Array[]> {
  const output = await loaded.extractor(texts, { pooling: loaded.pooling, normalize: true });
  return rowsOf(output);
}

/** The sentence embedder as a model worker runs it (and times it in a backend race). */
export const TEXT_EMBEDDER: ModelKind<LoadedTextEmbedder> = {
  load: loadTextEmbedder,
  warmUp: (loaded) => embedTextBatch(loaded, WARM_UP_TEXT),
  dispose: (loaded) => loaded.extractor.dispose(),
};
