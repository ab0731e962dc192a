import { wrap, type Remote } from 'comlink';
import { registerTransferHandlers } from '../shared/transfer-handlers';
import { ModelLoadError } from '../shared/worker-errors';

registerTransferHandlers();

/** A utility worker that has had nothing to do for this long is terminated to free its memory. */
const IDLE_TERMINATE_MS = 20_000;

/** What a bridge needs of a worker: a message endpoint that can be terminated. */
export type WorkerLike = Pick<Worker, 'terminate'> & Parameters<typeof wrap>[0];

/**
 * A bridge to one worker: started on first use, shared by concurrent calls, terminated once it
 * has been idle for `idleMs` (its models and buffers go with it). A worker whose model failed to
 * load is replaced as soon as its calls end: transformers.js 4.3 chains every session creation on
 * one promise, so after one rejected load every later load in that worker rejects too.
 * Only the bridges in this folder use it; callers get plain typed functions.
 */
export function workerBridge<Api>(
  start: () => WorkerLike,
  { idleMs = IDLE_TERMINATE_MS }: { idleMs?: number } = {},
): <T>(work: (api: Remote<Api>) => Promise<T>) => Promise<T> {
  let worker: WorkerLike | undefined;
  let remote: Remote<Api> | undefined;
  let inFlight = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let poisoned = false;
  const terminate = () => {
    worker?.terminate();
    worker = undefined;
    remote = undefined;
  };
  return async (work) => {
    clearTimeout(idleTimer);
    inFlight++;
    try {
      if (!remote) {
        worker = start();
        remote = wrap<Api>(worker);
      }
      return await work(remote);
    } catch (error) {
      if (error instanceof ModelLoadError) poisoned = true;
      throw error;
    } finally {
      if (--inFlight === 0) {
        if (poisoned) {
          poisoned = false;
          terminate();
        } else {
          idleTimer = setTimeout(terminate, idleMs);
        }
      }
    }
  };
}
