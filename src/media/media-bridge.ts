import type { Remote } from 'comlink';
import type { MediaWorkerApi } from '../../workers/media.worker';
import { workerBridge } from './worker-bridge';

/**
 * Which media worker instance runs the work. Video decoding runs on the browser's decoder threads
 * while audio + VAD keep a worker thread busy in JS, so giving each its own worker lets both
 * stages share the two cores instead of taking turns.
 */
export type MediaLane = 'video' | 'audio';

const lanes: Record<MediaLane, ReturnType<typeof workerBridge<MediaWorkerApi>>> = {
  video: workerBridge<MediaWorkerApi>(
    () =>
      new Worker(new URL('../../workers/media.worker.ts', import.meta.url), {
        type: 'module',
        name: 'media-video',
      }),
  ),
  audio: workerBridge<MediaWorkerApi>(
    () =>
      new Worker(new URL('../../workers/media.worker.ts', import.meta.url), {
        type: 'module',
        name: 'media-audio',
      }),
  ),
};

/** Runs `work` against a media worker, starting it lazily and terminating it once idle. */
export function withMediaWorker<T>(
  work: (api: Remote<MediaWorkerApi>) => Promise<T>,
  lane: MediaLane = 'video',
): Promise<T> {
  return lanes[lane](work);
}
