import { proxy } from 'comlink';
import type { VisionWorkerApi } from '../../workers/vision.worker';
import type { FrameCaption, FrameDetections } from '../shared/frame-results';
import type { FrameCall } from './progress';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

const vision = workerBridge<VisionWorkerApi>(START_WORKER.vision, { name: 'vision' });

/** Detects objects in each frame (YOLO family); each frame's result goes to `onFrame`. */
export const detectFrames: FrameCall<FrameDetections> = (signal, model, frames, callbacks) =>
  vision((api) =>
    api.detectFrames(signal, model, frames, proxy(callbacks.onFrame), proxy(callbacks.onProgress)),
  );

/** One sentence per frame, in batches; each frame's caption goes to `onFrame`. */
export const captionFrames: FrameCall<FrameCaption> = (signal, model, frames, callbacks) =>
  vision((api) =>
    api.captionFrames(signal, model, frames, proxy(callbacks.onFrame), proxy(callbacks.onProgress)),
  );
