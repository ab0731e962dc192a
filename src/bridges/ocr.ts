import { proxy } from 'comlink';
import type { OcrWorkerApi } from '../../workers/ocr.worker';
import type { FrameText } from '../shared/frame-results';
import { modelProgress, type FrameCall } from './progress';
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

/** Ends the text-reading worker now (PaddleOCR goes) unless a call is running. */
export const releaseTextReader = (): void => ocr.release();
