/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { FrameEmbedding, FrameInput, QuerySpace } from '../src/shared/frame-results';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import type { ResolvedModel } from '../src/shared/model-spec';
import {
  embedTextsForImages,
  embedImageBatch,
  IMAGE_TOWER,
  TEXT_TOWER,
  type LoadedImageTower,
  type LoadedTextTower,
} from './lib/embed/image-text-embedder';
import { embedTextBatch, TEXT_EMBEDDER, type LoadedTextEmbedder } from './lib/embed/text-embedder';
import type { WorkProgress } from '../src/shared/model-progress';
import { loadOnce } from './lib/models/model-cache';

registerTransferHandlers();

/** Texts per inference call: big enough to amortise the call, small enough to cancel promptly. */
const TEXT_BATCH = 32;
/** Frames per CLIP call (each is a 224×224×3 float tensor). */
const IMAGE_BATCH = 8;

export type { FrameEmbedding, QuerySpace };

const textEmbedderFor = loadOnce<LoadedTextEmbedder>(TEXT_EMBEDDER);
const imageTowerFor = loadOnce<LoadedImageTower>(IMAGE_TOWER);
const textTowerFor = loadOnce<LoadedTextTower>(TEXT_TOWER);

const api = {
  /** Unit-length sentence vectors for `texts`, in order. */
  async embedTexts(
    signal: AbortSignal,
    model: ResolvedModel,
    texts: string[],
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ vectors: Float32Array[]; device: string; seconds: number }> {
    const loaded = await textEmbedderFor(model, onProgress);
    const started = performance.now();
    const vectors: Float32Array[] = [];
    for (let at = 0; at < texts.length; at += TEXT_BATCH) {
      signal.throwIfAborted();
      vectors.push(...(await embedTextBatch(loaded, texts.slice(at, at + TEXT_BATCH))));
      onProgress({ status: 'work', fraction: vectors.length / texts.length });
    }
    const result = {
      vectors,
      device: loaded.device,
      seconds: (performance.now() - started) / 1000,
    };
    return transfer(
      result,
      vectors.map((v) => v.buffer as ArrayBuffer),
    );
  },

  /** CLIP image vectors of the frames, reported a batch at a time. */
  async embedFrames(
    signal: AbortSignal,
    model: ResolvedModel,
    frames: FrameInput[],
    onFrames: (batch: FrameEmbedding[]) => Promise<void>,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ device: string; seconds: number }> {
    const loaded = await imageTowerFor(model, onProgress);
    const started = performance.now();
    for (let at = 0; at < frames.length; at += IMAGE_BATCH) {
      signal.throwIfAborted();
      const batch = frames.slice(at, at + IMAGE_BATCH);
      const vectors = await embedImageBatch(
        loaded,
        batch.map((f) => f.blob),
      );
      await onFrames(batch.map(({ t }, i) => ({ t, vector: vectors[i] ?? new Float32Array() })));
      onProgress({ status: 'work', fraction: Math.min(1, (at + batch.length) / frames.length) });
    }
    return { device: loaded.device, seconds: (performance.now() - started) / 1000 };
  },

  /** A search query's vector: in the sentence space, or in CLIP's space to compare with frames. */
  async embedQuery(
    model: ResolvedModel,
    query: string,
    space: QuerySpace,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ vector: Float32Array; device: string }> {
    const embed = async <L extends { device: string }>(
      loaded: L,
      run: (loaded: L, texts: string[]) => Promise<Float32Array[]>,
    ) => ({ vector: (await run(loaded, [query]))[0] ?? new Float32Array(), device: loaded.device });
    return space === 'text'
      ? embed(await textEmbedderFor(model, onProgress), embedTextBatch)
      : embed(await textTowerFor(model, onProgress), embedTextsForImages);
  },
};

expose(api);

export type EmbedWorkerApi = typeof api;
