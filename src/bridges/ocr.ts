import { proxy } from 'comlink';
import type { OcrWorkerApi } from '../../workers/ocr.worker';
import type { FrameText } from '../shared/frame-results';
import type { ResolvedModel } from '../shared/model-spec';
import { modelProgress, type FrameCall, type OnWorkProgress } from './progress';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

const ocr = workerBridge<OcrWorkerApi>(START_WORKER.ocr, { name: 'text-reading' });

/** Reads the on-screen text of each frame (PaddleOCR); each frame's lines go to `onFrame`. */
export const readFrames: FrameCall<FrameText> = (signal, model, frames, callbacks) =>
  ocr((api) =>
    api.readFrames(
      signal,
      model,
      frames,
      proxy(callbacks.onFrame),
      modelProgress(callbacks.onProgress),
    ),
  );

/** Loads PaddleOCR in its worker ahead of the text stage (load-ahead.ts). */
export const prepareTextReader = (
  model: ResolvedModel,
  onProgress: OnWorkProgress,
): Promise<void> => ocr((api) => api.prepare(model, modelProgress(onProgress)));

/** Ends the text-reading worker now (PaddleOCR goes) unless a call is running. */
export const releaseTextReader = (): void => ocr.release();
