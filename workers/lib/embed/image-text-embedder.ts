import {
  AutoImageProcessor,
  AutoTokenizer,
  CLIPTextModelWithProjection,
  CLIPVisionModelWithProjection,
  RawImage,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type ImageProcessor,
  type Tensor,
} from '@huggingface/transformers';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import { normalize } from '../../../src/shared/vector-codec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { loadWithTransformers, type LoadedOn } from '../models/transformers-env';
import { rowsOf } from './text-embedder';
import type { ModelKind } from '../models/backend-race';
import { WARM_UP_TEXT, greyImage } from '../models/warm-up-inputs';

/*
 * CLIP's two towers are loaded separately: indexing only needs the image tower, a search only
 * the text tower, and each is half the download.
 */

export interface LoadedClipImages extends LoadedOn {
  processor: ImageProcessor;
  vision: PreTrainedModel;
}

export interface LoadedClipText extends LoadedOn {
  tokenizer: PreTrainedTokenizer;
  text: PreTrainedModel;
}

export function loadClipImages(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedClipImages> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    processor: await AutoImageProcessor.from_pretrained(model.id, options),
    vision: await CLIPVisionModelWithProjection.from_pretrained(model.id, options),
  }));
}

export function loadClipText(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedClipText> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    tokenizer: await AutoTokenizer.from_pretrained(model.id, options),
    text: await CLIPTextModelWithProjection.from_pretrained(model.id, options),
  }));
}

/** Unit-length CLIP image vectors, one per image. */
export async function embedImageBatch(
  loaded: LoadedClipImages,
  images: Blob[],
): Promise<Float32Array[]> {
  const raw = await Promise.all(images.map((image) => RawImage.fromBlob(image)));
  const { image_embeds } = (await loaded.vision(await loaded.processor(raw))) as {
    image_embeds: Tensor;
  };
  return rowsOf(image_embeds).map(normalize);
}

/** Unit-length CLIP text vectors, in the same space as the image vectors. */
export async function embedClipTexts(
  loaded: LoadedClipText,
  texts: string[],
): Promise<Float32Array[]> {
  const inputs = loaded.tokenizer(texts, { padding: true, truncation: true });
  const { text_embeds } = (await loaded.text(inputs)) as { text_embeds: Tensor };
  return rowsOf(text_embeds).map(normalize);
}

/** CLIP's image tower as a model worker runs it (and times it in a backend race). */
export const CLIP_IMAGES: ModelKind<LoadedClipImages> = {
  load: loadClipImages,
  warmUp: async (loaded) => embedImageBatch(loaded, [await greyImage()]),
  dispose: async (loaded) => void (await loaded.vision.dispose()),
};

/** CLIP's text tower as a model worker runs it (and times it in a backend race). */
export const CLIP_TEXT: ModelKind<LoadedClipText> = {
  load: loadClipText,
  warmUp: (loaded) => embedClipTexts(loaded, WARM_UP_TEXT),
  dispose: async (loaded) => void (await loaded.text.dispose()),
};
