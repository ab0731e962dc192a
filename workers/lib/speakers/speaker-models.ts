import {
  AutoModel,
  AutoModelForAudioFrameClassification,
  AutoProcessor,
  type PreTrainedModel,
  type Processor,
  type Tensor,
} from '@huggingface/transformers';
import type { ModelProgress } from '../../../src/shared/model-progress';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import { loadWithTransformers, type LoadedOn } from '../models/transformers-env';

/** A transformers.js model with its processor. */
export interface LoadedAudioModel extends LoadedOn {
  model: PreTrainedModel;
  processor: Processor;
}

function loadAudioModel(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
  auto: {
    from_pretrained: (id: string, options: Record<string, unknown>) => Promise<PreTrainedModel>;
  },
): Promise<LoadedAudioModel> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    model: await auto.from_pretrained(model.id, options),
    processor: (await AutoProcessor.from_pretrained(model.id, {
      revision: options.revision,
    })) as Processor,
  }));
}

/** pyannote segmentation: per frame, which of up to three local speakers talk. */
export const loadSegmentation = (
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
) => loadAudioModel(model, onProgress, AutoModelForAudioFrameClassification);

/** WeSpeaker: a vector per stretch of one voice. */
export const loadSpeakerEmbedder = (
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
) => loadAudioModel(model, onProgress, AutoModel);

/** The segmentation's logits for one window: [frames][7 powerset classes]. */
export async function segmentWindow(
  loaded: LoadedAudioModel,
  samples: Float32Array,
): Promise<{ logits: Float32Array; frames: number; classes: number }> {
  const { logits } = (await loaded.model(await loaded.processor(samples))) as { logits: Tensor };
  const [, frames = 0, classes = 0] = logits.dims;
  return { logits: logits.data as Float32Array, frames, classes };
}

/** The speaker vector of one stretch of audio (the model's first output, one row). */
export async function embedVoice(
  loaded: LoadedAudioModel,
  samples: Float32Array,
): Promise<Float32Array> {
  const output = (await loaded.model(await loaded.processor(samples))) as Record<string, Tensor>;
  const first = Object.values(output)[0];
  if (!first) throw new Error('The speaker embedder returned nothing.');
  return Float32Array.from(first.data as Float32Array);
}
