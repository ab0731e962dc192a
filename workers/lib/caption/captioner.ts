import {
  LogitsProcessor,
  RawImage,
  pipeline,
  type ImageToTextPipeline,
  type Tensor,
} from '@huggingface/transformers';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../models/fetch-model';
import {
  explainLoadFailure,
  forwardProgress,
  prepareTransformers,
} from '../models/transformers-env';

export interface LoadedCaptioner {
  captioner: ImageToTextPipeline;
  device: 'webgpu' | 'wasm';
}

export interface Caption {
  caption: string;
  /** Mean probability of the generated tokens, 0–1. */
  confidence: number;
}

/** Longest caption, in tokens: a sentence, not a paragraph. */
const MAX_NEW_TOKENS = 30;

/**
 * Watches generation without changing it: appended after the model's own logits processors, the
 * highest probability at each step is the probability of the token greedy decoding picks.
 */
class TokenConfidence extends LogitsProcessor {
  readonly probabilities: number[] = [];

  override _call(_inputIds: bigint[][], logits: Tensor): Tensor {
    const values = logits.data as Float32Array;
    let max = -Infinity;
    for (const v of values) if (v > max) max = v;
    let sum = 0;
    for (const v of values) sum += Math.exp(v - max);
    this.probabilities.push(sum > 0 ? 1 / sum : 0);
    return logits;
  }
}

export async function loadCaptioner(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedCaptioner> {
  const { device, dtype } = await prepareTransformers(model);
  try {
    const captioner = (await pipeline('image-to-text', model.id, {
      device,
      dtype,
      revision: model.revision,
      progress_callback: forwardProgress(onProgress),
    })) as ImageToTextPipeline;
    onProgress({ status: 'ready', model: model.id, device });
    return { captioner, device };
  } catch (error) {
    throw explainLoadFailure(model, error);
  }
}

/** One caption for one image, with the mean probability of its tokens. */
export async function captionImage(loaded: LoadedCaptioner, image: Blob): Promise<Caption> {
  const confidence = new TokenConfidence();
  const raw = await RawImage.fromBlob(image);
  const output = (await loaded.captioner(raw, {
    max_new_tokens: MAX_NEW_TOKENS,
    logits_processor: [confidence],
  } as Record<string, unknown>)) as { generated_text: string }[];
  const probabilities = confidence.probabilities;
  const mean = probabilities.length
    ? probabilities.reduce((a, b) => a + b, 0) / probabilities.length
    : 0;
  return {
    caption: output[0]?.generated_text.trim() ?? '',
    confidence: Math.min(1, Math.max(0, mean)),
  };
}
