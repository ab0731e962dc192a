import { wrap, type Remote } from 'comlink';
import { registerAbortTransfer } from '../shared/abort-transfer';

registerAbortTransfer();

/** A utility worker that has had nothing to do for this long is terminated to free its memory. */
const IDLE_TERMINATE_MS = 20_000;

/**
 * A bridge to one worker: started on first use, shared by concurrent calls, terminated once it
 * has been idle for a while (its models and buffers go with it).
 */
export function workerBridge<Api>(
  start: () => Worker,
): <T>(work: (api: Remote<Api>) => Promise<T>) => Promise<T> {
  let worker: Worker | undefined;
  let remote: Remote<Api> | undefined;
  let inFlight = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
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
    } finally {
      if (--inFlight === 0) idleTimer = setTimeout(terminate, IDLE_TERMINATE_MS);
    }
  };
}
