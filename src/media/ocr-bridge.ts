import type { OcrWorkerApi } from '../../workers/ocr.worker';
import { workerBridge } from './worker-bridge';

/** Runs `work` against the OCR worker, started lazily. */
export const withOcrWorker = workerBridge<OcrWorkerApi>(
  () =>
    new Worker(new URL('../../workers/ocr.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ocr',
    }),
);
