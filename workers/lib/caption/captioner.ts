import type { Caption } from '../../../src/shared/frame-results';
import { CAPTION_PARAMETERS } from '../../../src/shared/analysis-parameters';
import {
  LogitsProcessor,
  RawImage,
  pipeline,
  type ImageToTextPipeline,
  type Tensor,
} from '@huggingface/transformers';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { loadWithTransformers, type LoadedOn } from '../models/transformers-env';
import type { ModelKind } from '../models/backend-race';
import { greyImage } from '../models/warm-up-inputs';

export interface LoadedCaptioner extends LoadedOn {
  captioner: ImageToTextPipeline;
}

export type { Caption };

/** Longest caption, in tokens: a sentence, not a paragraph. */
const MAX_NEW_TOKENS = CAPTION_PARAMETERS.maxNewTokens;

/**
 * Watches generation without changing it: appended after the model's own logits processors, the
 * highest probability at each step is the probability of the token greedy decoding picks. In a
 * batch, a row stops counting once it has produced its end token (the rest is padding).
 */
class TokenConfidence extends LogitsProcessor {
  readonly sums: number[];
  readonly counts: number[];

  constructor(
    rows: number,
    private readonly endToken: bigint,
  ) {
    super();
    this.sums = new Array<number>(rows).fill(0);
    this.counts = new Array<number>(rows).fill(0);
  }

  override _call(inputIds: bigint[][], logits: Tensor): Tensor {
    const vocabulary = logits.dims.at(-1) ?? 0;
    const values = logits.data as Float32Array;
    inputIds.forEach((ids, row) => {
      // The first id is the decoder's start token, which for GPT-2 decoders is also its end token.
      if (ids.length > 1 && ids.at(-1) === this.endToken) return;
      const scores = values.subarray(row * vocabulary, (row + 1) * vocabulary);
      let max = -Infinity;
      for (const v of scores) if (v > max) max = v;
      let sum = 0;
      for (const v of scores) sum += Math.exp(v - max);
      this.sums[row] = (this.sums[row] ?? 0) + (sum > 0 ? 1 / sum : 0);
      this.counts[row] = (this.counts[row] ?? 0) + 1;
    });
    return logits;
  }

  /** Mean probability of row `row`'s tokens, 0–1. */
  mean(row: number): number {
    const count = this.counts[row] ?? 0;
    return count > 0 ? Math.min(1, Math.max(0, (this.sums[row] ?? 0) / count)) : 0;
  }
}

export function loadCaptioner(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedCaptioner> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    captioner: (await pipeline('image-to-text', model.id, options)) as ImageToTextPipeline,
  }));
}

/**
 * One caption per image, generated as one batch (the image-to-text pipeline would generate them
 * one by one: a batch runs the encoder once and the decoder steps together, about 2× faster on
 * WASM), each with the mean probability of its tokens. Greedy decoding gives the same words as
 * one at a time.
 */
export async function captionImages(loaded: LoadedCaptioner, images: Blob[]): Promise<Caption[]> {
  const { captioner } = loaded;
  const raws = await Promise.all(images.map((image) => RawImage.fromBlob(image)));
  const { pixel_values } = (await captioner.processor(raws)) as { pixel_values: Tensor };
  const config = captioner.model.generation_config as { eos_token_id?: number | number[] } | null;
  const eos = [config?.eos_token_id ?? -1].flat()[0] ?? -1;
  const confidence = new TokenConfidence(images.length, BigInt(eos));
  const output = (await captioner.model.generate({
    inputs: pixel_values,
    max_new_tokens: MAX_NEW_TOKENS,
    logits_processor: [confidence],
  } as Record<string, unknown>)) as Tensor;
  const texts = captioner.tokenizer.batch_decode(output, { skip_special_tokens: true });
  return texts.map((text, row) => ({ caption: text.trim(), confidence: confidence.mean(row) }));
}

/** The captioner as a model worker runs it (and times it in a backend race). */
export const CAPTIONER: ModelKind<LoadedCaptioner> = {
  load: loadCaptioner,
  warmUp: async (loaded) => captionImages(loaded, [await greyImage()]),
  dispose: (loaded) => loaded.captioner.dispose(),
};
