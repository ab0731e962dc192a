/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerAbortTransfer } from '../src/shared/abort-transfer';
import type { ResolvedModel } from '../src/shared/model-spec';
import type { Detection } from './lib/detect/yolo-decode';
import { detectObjects, loadDetector, type LoadedDetector } from './lib/detect/yolo-detector';
import type { ModelProgress } from './lib/models/fetch-model';
import {
  captionImage,
  loadCaptioner,
  type Caption,
  type LoadedCaptioner,
} from './lib/caption/captioner';

registerAbortTransfer();

/** A stored frame to look at. */
export interface FrameInput {
  t: number;
  blob: Blob;
}

export interface FrameDetections {
  t: number;
  objects: Detection[];
}

export interface FrameCaption extends Caption {
  t: number;
}

const detectors = new Map<string, Promise<LoadedDetector>>();
const captioners = new Map<string, Promise<LoadedCaptioner>>();

/** Each captioner is loaded once per worker; a failed load is forgotten so a retry can work. */
function captionerFor(model: ResolvedModel, onProgress: (progress: ModelProgress) => void) {
  const key = `${model.baseUrl ?? 'hub'}|${model.id}`;
  let loading = captioners.get(key);
  if (!loading) {
    loading = loadCaptioner(model, onProgress);
    loading.catch(() => captioners.delete(key));
    captioners.set(key, loading);
  }
  return loading;
}

/** Each detector file is downloaded and compiled once per worker. */
function detectorFor(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedDetector> {
  const key = model.url ?? model.id;
  let loading = detectors.get(key);
  if (!loading) {
    loading = loadDetector(model, onProgress);
    // A failed load must not poison later attempts (the user may fix the URL and retry).
    loading.catch(() => detectors.delete(key));
    detectors.set(key, loading);
  }
  return loading;
}

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
    onProgress: (progress: ModelProgress | { status: 'frames'; fraction: number }) => void,
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
      onProgress({ status: 'frames', fraction: (index + 1) / frames.length });
    }
    return { device: detector.device, seconds: (performance.now() - started) / 1000 };
  },

  /** One caption per frame (image-to-text), with the mean probability of its tokens. */
  async captionFrames(
    signal: AbortSignal,
    model: ResolvedModel,
    frames: FrameInput[],
    onFrame: (result: FrameCaption) => Promise<void>,
    onProgress: (progress: ModelProgress | { status: 'frames'; fraction: number }) => void,
  ): Promise<{ device: string; seconds: number }> {
    const loaded = await captionerFor(model, onProgress);
    const started = performance.now();
    for (const [index, frame] of frames.entries()) {
      signal.throwIfAborted();
      await onFrame({ t: frame.t, ...(await captionImage(loaded, frame.blob)) });
      onProgress({ status: 'frames', fraction: (index + 1) / frames.length });
    }
    return { device: loaded.device, seconds: (performance.now() - started) / 1000 };
  },
};

expose(api);

export type VisionWorkerApi = typeof api;
