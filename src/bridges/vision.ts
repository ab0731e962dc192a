import { proxy } from 'comlink';
import type { VisionWorkerApi } from '../../workers/vision.worker';
import type { FrameCaption, FrameDetections, FrameInput } from '../shared/frame-results';
import type { ResolvedModel } from '../shared/model-spec';
import type { FrameCallbacks } from './progress';
import { workerBridge } from './worker-bridge';

const vision = workerBridge<VisionWorkerApi>(
  () =>
    new Worker(new URL('../../workers/vision.worker.ts', import.meta.url), {
      type: 'module',
      name: 'vision',
    }),
);

/** Detects objects in each frame (YOLO family); each frame's result goes to `onFrame`. */
export function detectFrames(
  signal: AbortSignal,
  model: ResolvedModel,
  frames: FrameInput[],
  { onFrame, onProgress }: FrameCallbacks<FrameDetections>,
): Promise<{ device: string; seconds: number }> {
  return vision((api) =>
    api.detectFrames(signal, model, frames, proxy(onFrame), proxy(onProgress)),
  );
}

/** One sentence per frame, in batches; each frame's caption goes to `onFrame`. */
export function captionFrames(
  signal: AbortSignal,
  model: ResolvedModel,
  frames: FrameInput[],
  { onFrame, onProgress }: FrameCallbacks<FrameCaption>,
): Promise<{ device: string; seconds: number }> {
  return vision((api) =>
    api.captionFrames(signal, model, frames, proxy(onFrame), proxy(onProgress)),
  );
}
