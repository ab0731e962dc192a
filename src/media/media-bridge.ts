import { wrap, type Remote } from 'comlink';
import type { MediaWorkerApi } from '../../workers/media.worker';
import { registerAbortTransfer } from '../shared/abort-transfer';

registerAbortTransfer();

/** A utility worker that has had nothing to do for this long is terminated to free its memory. */
const IDLE_TERMINATE_MS = 20_000;

/**
 * Which media worker instance runs the work. Video decoding runs on the browser's decoder threads
 * while audio + VAD keep a worker thread busy in JS, so giving each its own worker lets both
 * stages share the two cores instead of taking turns.
 */
export type MediaLane = 'video' | 'audio';

interface LaneWorker {
  worker: Worker | undefined;
  remote: Remote<MediaWorkerApi> | undefined;
  inFlight: number;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

const lanes = new Map<MediaLane, LaneWorker>();

function laneOf(name: MediaLane): LaneWorker {
  let lane = lanes.get(name);
  if (!lane) {
    lane = { worker: undefined, remote: undefined, inFlight: 0, idleTimer: undefined };
    lanes.set(name, lane);
  }
  return lane;
}

function start(lane: LaneWorker, name: MediaLane): Remote<MediaWorkerApi> {
  lane.worker = new Worker(new URL('../../workers/media.worker.ts', import.meta.url), {
    type: 'module',
    name: `media-${name}`,
  });
  lane.remote = wrap<MediaWorkerApi>(lane.worker);
  return lane.remote;
}

/** Runs `work` against a media worker, starting it lazily and terminating it once idle. */
export async function withMediaWorker<T>(
  work: (api: Remote<MediaWorkerApi>) => Promise<T>,
  name: MediaLane = 'video',
): Promise<T> {
  const lane = laneOf(name);
  clearTimeout(lane.idleTimer);
  lane.inFlight++;
  try {
    return await work(lane.remote ?? start(lane, name));
  } finally {
    if (--lane.inFlight === 0)
      lane.idleTimer = setTimeout(() => {
        lane.worker?.terminate();
        lane.worker = undefined;
        lane.remote = undefined;
      }, IDLE_TERMINATE_MS);
  }
}
