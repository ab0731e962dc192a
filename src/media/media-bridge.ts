import { wrap, type Remote } from 'comlink';
import type { MediaWorkerApi } from '../../workers/media.worker';
import { registerAbortTransfer } from '../shared/abort-transfer';

registerAbortTransfer();

/** A utility worker that has had nothing to do for this long is terminated to free its memory. */
const IDLE_TERMINATE_MS = 20_000;

let worker: Worker | undefined;
let remote: Remote<MediaWorkerApi> | undefined;
let inFlight = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function terminate(): void {
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}

function start(): Remote<MediaWorkerApi> {
  worker = new Worker(new URL('../../workers/media.worker.ts', import.meta.url), {
    type: 'module',
    name: 'media',
  });
  remote = wrap<MediaWorkerApi>(worker);
  return remote;
}

/** Runs `work` against the media worker, starting it lazily and terminating it once idle. */
export async function withMediaWorker<T>(
  work: (api: Remote<MediaWorkerApi>) => Promise<T>,
): Promise<T> {
  clearTimeout(idleTimer);
  inFlight++;
  try {
    return await work(remote ?? start());
  } finally {
    if (--inFlight === 0) idleTimer = setTimeout(terminate, IDLE_TERMINATE_MS);
  }
}
