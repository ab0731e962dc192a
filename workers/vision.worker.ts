/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import type { FrameCaption, FrameDetections, FrameInput } from '../src/shared/frame-results';
import type { ResolvedModel } from '../src/shared/model-spec';
import { DETECTOR, detectObjects, type LoadedDetector } from './lib/detect/yolo-detector';
import type { WorkProgress } from '../src/shared/model-progress';
import { loadOnce } from './lib/models/model-cache';
import { CAPTIONER, captionImages, type LoadedCaptioner } from './lib/caption/captioner';

registerTransferHandlers();

export type { FrameCaption, FrameDetections, FrameInput };

const detectorFor = loadOnce<LoadedDetector>(DETECTOR);
/** Frames captioned per batch: ~2× faster than one by one on WASM; 4 keeps BLIP's memory modest. */
const CAPTION_BATCH = 4;
const captionerFor = loadOnce<LoadedCaptioner>(CAPTIONER);

const api = {
  /**
   * Objects in each frame (YOLOX or YOLOv8-style ONNX, class-wise NMS), reported frame by frame.
   * Resolves with the device that ran the model.
   */
  async detectFrames(
    signal: AbortSignal,
    model: ResolvedModel,
    frames: FrameInput[],
    onFrame: (result: FrameDetections) => Promise<void>,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ device: string; seconds: number }> {
    const detector = await detectorFor(model, onProgress);
    const started = performance.now();
    for (const [index, frame] of frames.entries()) {
      signal.throwIfAborted();
      const image = await createImageBitmap(frame.blob);
      try {
        await onFrame({ t: frame.t, objects: await detectObjects(detector, image) });
      } finally {
        image.close();
      }
      onProgress({ status: 'work', fraction: (index + 1) / frames.length });
    }
    return { device: detector.device, seconds: (performance.now() - started) / 1000 };
  },

  /** One caption per frame (image-to-text, in batches), with the mean probability of its tokens. */
  async captionFrames(
    signal: AbortSignal,
    model: ResolvedModel,
    frames: FrameInput[],
    onFrame: (result: FrameCaption) => Promise<void>,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ device: string; seconds: number }> {
    const loaded = await captionerFor(model, onProgress);
    const started = performance.now();
    for (let from = 0; from < frames.length; from += CAPTION_BATCH) {
      signal.throwIfAborted();
      const batch = frames.slice(from, from + CAPTION_BATCH);
      const captions = await captionImages(
        loaded,
        batch.map((frame) => frame.blob),
      );
      for (const [i, frame] of batch.entries()) {
        const caption = captions[i];
        if (caption) await onFrame({ t: frame.t, ...caption });
      }
      onProgress({ status: 'work', fraction: (from + batch.length) / frames.length });
    }
    return { device: loaded.device, seconds: (performance.now() - started) / 1000 };
  },
};

expose(api);

export type VisionWorkerApi = typeof api;
