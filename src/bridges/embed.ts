import { proxy } from 'comlink';
import type { EmbedWorkerApi } from '../../workers/embed.worker';
import type { FrameEmbedding, FrameInput, QuerySpace } from '../shared/frame-results';
import type { ResolvedModel } from '../shared/model-spec';
import { ignoreProgress, modelProgress, type OnWorkProgress } from './progress';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

const embed = workerBridge<EmbedWorkerApi>(START_WORKER.embed, { name: 'embedding' });

/** Sentence vectors (unit length) for `texts`, in order. */
export function embedTexts(
  signal: AbortSignal,
  model: ResolvedModel,
  texts: string[],
  { onProgress }: { onProgress: OnWorkProgress },
): Promise<{ vectors: Float32Array[]; device: string; seconds: number }> {
  return embed((api) => api.embedTexts(signal, model, texts, modelProgress(onProgress)));
}

/** CLIP image vectors for `frames`, handed to `onFrames` batch by batch as they are done. */
export function embedFrames(
  signal: AbortSignal,
  model: ResolvedModel,
  frames: FrameInput[],
  callbacks: { onFrames: (batch: FrameEmbedding[]) => Promise<void>; onProgress: OnWorkProgress },
): Promise<{ device: string; seconds: number }> {
  return embed((api) =>
    api.embedFrames(
      signal,
      model,
      frames,
      proxy(callbacks.onFrames),
      modelProgress(callbacks.onProgress),
    ),
  );
}

/** A search query's vector in the sentence space or CLIP's (loads the model on first use). */
export function embedQuery(
  model: ResolvedModel,
  query: string,
  space: QuerySpace,
  { onProgress = ignoreProgress }: { onProgress?: OnWorkProgress } = {},
): Promise<{ vector: Float32Array; device: string }> {
  return embed((api) => api.embedQuery(model, query, space, modelProgress(onProgress)));
}
