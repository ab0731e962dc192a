import type { NaiveFramesApi } from '../../workers/naive-frames.worker';
import { workerBridge } from './worker-bridge';

// Written here, not in worker-starters.ts: only the test and bench builds reach this module, so
// the production build bundles neither it nor its worker.
const naive = workerBridge<NaiveFramesApi>(
  () =>
    new Worker(new URL('../../workers/naive-frames.worker.ts', import.meta.url), {
      type: 'module',
      name: 'naive-frames',
    }),
  { name: 'naive-frames' },
);

/** The benchmark's baseline: ffmpeg.wasm at 1 fps over the whole file copied into memory. */
export function naiveFrames(file: Blob): Promise<{ frames: number; seconds: number }> {
  return naive((worker) => worker.naiveFrames(file));
}
