import { proxy } from 'comlink';
import type { OcrWorkerApi } from '../../workers/ocr.worker';
import type { FrameInput, FrameText } from '../shared/frame-results';
import type { ResolvedModel } from '../shared/model-spec';
import type { FrameCallbacks } from './progress';
import { workerBridge } from './worker-bridge';

const ocr = workerBridge<OcrWorkerApi>(
  () =>
    new Worker(new URL('../../workers/ocr.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ocr',
    }),
);

/** Reads the on-screen text of each frame (PaddleOCR); each frame's lines go to `onFrame`. */
export function readFrames(
  signal: AbortSignal,
  model: ResolvedModel,
  frames: FrameInput[],
  { onFrame, onProgress }: FrameCallbacks<FrameText>,
): Promise<{ device: string; seconds: number }> {
  return ocr((api) => api.readFrames(signal, model, frames, proxy(onFrame), proxy(onProgress)));
}
