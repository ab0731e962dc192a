import type { VisionWorkerApi } from '../../workers/vision.worker';
import { workerBridge } from './worker-bridge';

/** Runs `work` against the vision worker (object detection), started lazily. */
export const withVisionWorker = workerBridge<VisionWorkerApi>(
  () =>
    new Worker(new URL('../../workers/vision.worker.ts', import.meta.url), {
      type: 'module',
      name: 'vision',
    }),
);
