import { pipeline, type FeatureExtractionPipeline, type Tensor } from '@huggingface/transformers';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../models/fetch-model';
import {
  explainLoadFailure,
  forwardProgress,
  prepareTransformers,
} from '../models/transformers-env';

export interface LoadedTextEmbedder {
  extractor: FeatureExtractionPipeline;
  pooling: 'mean' | 'cls';
  device: 'webgpu' | 'wasm';
  dtype: string;
}

/** Rows of a [n, d] tensor as separate vectors. */
export function rowsOf(tensor: Tensor): Float32Array[] {
  const [rows = 0, width = 0] = tensor.dims;
  const data = tensor.data as Float32Array;
  return Array.from({ length: rows }, (_, i) => data.slice(i * width, (i + 1) * width));
}

export async function loadTextEmbedder(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedTextEmbedder> {
  const { device, dtype } = await prepareTransformers(model);
  try {
    const extractor = (await pipeline('feature-extraction', model.id, {
      device,
      dtype,
      revision: model.revision,
      progress_callback: forwardProgress(onProgress),
    })) as FeatureExtractionPipeline;
    onProgress({ status: 'ready', model: model.id, device });
    return { extractor, pooling: model.pooling ?? 'mean', device, dtype };
  } catch (error) {
    throw await explainLoadFailure(model, error);
  }
}

/** One unit-length sentence vector per text. */
export async function embedTextBatch(
  loaded: LoadedTextEmbedder,
  texts: string[],
): Promise<Float32Array[]> {
  const output = await loaded.extractor(texts, { pooling: loaded.pooling, normalize: true });
  return rowsOf(output);
}
