import { proxy } from 'comlink';
import type { VisionWorkerApi } from '../../workers/vision.worker';
import type { FrameCaption, FrameDetections } from '../shared/frame-results';
import { modelProgress, type FrameCall } from './progress';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

// One worker per model, so the objects and captions stages can take a core each.
const detector = workerBridge<VisionWorkerApi>(START_WORKER.visionDetect, {
  name: 'vision-detect',
});
const captioner = workerBridge<VisionWorkerApi>(START_WORKER.visionCaption, {
  name: 'vision-caption',
});

/** Detects objects in each frame (YOLO family); each frame's result goes to `onFrame`. */
export const detectFrames: FrameCall<FrameDetections> = (signal, model, frames, callbacks) =>
  detector((api) =>
    api.detectFrames(
      signal,
      model,
      frames,
      proxy(callbacks.onFrame),
      modelProgress(callbacks.onProgress),
    ),
  );

/** One sentence per frame, in batches; each frame's caption goes to `onFrame`. */
export const captionFrames: FrameCall<FrameCaption> = (signal, model, frames, callbacks) =>
  captioner((api) =>
    api.captionFrames(
      signal,
      model,
      frames,
      proxy(callbacks.onFrame),
      modelProgress(callbacks.onProgress),
    ),
  );

/** Ends the detection worker now unless a call is running. */
export const releaseDetector = (): void => detector.release();

/** Ends the captioning worker now (the captioner, ~1 GB with its buffers, goes) unless busy. */
export const releaseCaptioner = (): void => captioner.release();
