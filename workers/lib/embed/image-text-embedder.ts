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

export interface LoadedImageTower extends LoadedOn {
  processor: ImageProcessor;
  vision: PreTrainedModel;
}

export interface LoadedTextTower extends LoadedOn {
  tokenizer: PreTrainedTokenizer;
  text: PreTrainedModel;
}

export function loadImageTower(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedImageTower> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    processor: await AutoImageProcessor.from_pretrained(model.id, options),
    vision: await CLIPVisionModelWithProjection.from_pretrained(model.id, options),
  }));
}

export function loadTextTower(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedTextTower> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    tokenizer: await AutoTokenizer.from_pretrained(model.id, options),
    text: await CLIPTextModelWithProjection.from_pretrained(model.id, options),
  }));
}

/** Unit-length CLIP image vectors, one per image. */
export async function embedImageBatch(
  loaded: LoadedImageTower,
  images: Blob[],
): Promise<Float32Array[]> {
  const raw = await Promise.all(images.map((image) => RawImage.fromBlob(image)));
  const { image_embeds } = (await loaded.vision(await loaded.processor(raw))) as {
    image_embeds: Tensor;
  };
  return rowsOf(image_embeds).map(normalize);
}

/** Unit-length CLIP text vectors, in the same space as the image vectors. */
export async function embedTextsForImages(
  loaded: LoadedTextTower,
  texts: string[],
): Promise<Float32Array[]> {
  const inputs = loaded.tokenizer(texts, { padding: true, truncation: true });
  const { text_embeds } = (await loaded.text(inputs)) as { text_embeds: Tensor };
  return rowsOf(text_embeds).map(normalize);
}

/** CLIP's image tower as a model worker runs it (and times it in a backend race). */
export const IMAGE_TOWER: ModelKind<LoadedImageTower> = {
  load: loadImageTower,
  warmUp: async (loaded) => embedImageBatch(loaded, [await greyImage()]),
  dispose: async (loaded) => void (await loaded.vision.dispose()),
};

/** CLIP's text tower as a model worker runs it (and times it in a backend race). */
export const TEXT_TOWER: ModelKind<LoadedTextTower> = {
  load: loadTextTower,
  warmUp: (loaded) => embedTextsForImages(loaded, WARM_UP_TEXT),
  dispose: async (loaded) => void (await loaded.text.dispose()),
};
