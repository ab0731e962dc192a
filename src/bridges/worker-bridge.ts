import { wrap, type Remote } from 'comlink';
import { registerTransferHandlers } from '../shared/transfer-handlers';
import { ModelLoadError } from '../shared/worker-errors';

registerTransferHandlers();

/** A utility worker that has had nothing to do for this long is terminated to free its memory. */
const IDLE_TERMINATE_MS = 20_000;

/**
 * How long a cancelled call may take to notice before its worker is terminated. Workers check the
 * signal between frames and batches; one stuck in a synchronous parse or a wasm call never will.
 */
export const ABORT_GRACE_MS = 1_000;

/** What a bridge needs of a worker: a message endpoint that can be terminated. */
export type WorkerLike = Pick<Worker, 'terminate'> & Parameters<typeof wrap>[0];

/** The worker could not start (its script failed to load or threw at the top level). */
export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
}

/** The call was cut off because its worker was terminated for another call's sake; try again. */
export class WorkerRestartedError extends Error {
  override name = 'WorkerRestartedError';
}

/** Per-call options: cancel it (terminating the worker if it doesn't stop), or bound its time. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The error a timeout rejects with. */
  onTimeout?: () => Error;
}

/** One started worker, and the way to end it together with every call waiting on it. */
interface Instance<Api> {
  worker: WorkerLike;
  remote: Remote<Api>;
  /** Rejects when the instance is ended; every call races it. */
  ended: Promise<never>;
  end: (error: Error) => void;
}

function startInstance<Api>(start: () => WorkerLike, name: string): Instance<Api> {
  const worker = start();
  let end: (error: Error) => void = () => {};
  const ended = new Promise<never>((_, reject) => (end = reject));
  ended.catch(() => {}); // Calls observe it; an idle end must not be an unhandled rejection.
  let answered = false;
  worker.addEventListener('message', () => (answered = true));
  // A worker whose script 404s or throws while loading fires `error` on the Worker and never
  // answers: comlink's calls would wait forever. Later errors belong to a call, which rejects.
  worker.addEventListener('error', (event) => {
    if (answered) return;
    const message = 'message' in event ? String(event.message) : '';
    const detail = message ? `: ${message}` : '';
    end(
      new WorkerFailedError(
        `BRI's ${name} worker failed to start${detail}. Reload the page; if this keeps happening, ` +
          'the app files may be damaged — clear this site’s data and open it again.',
      ),
    );
  });
  return { worker, remote: wrap<Api>(worker), ended, end };
}

/**
 * Promises that reject when the call is cancelled and hasn't stopped after ABORT_GRACE_MS, or
 * runs past its time — each having ended the worker first. `clear` stops watching.
 */
function watchCall(
  options: CallOptions,
  end: (error: Error) => void,
): { cutOffs: Promise<never>[]; clear: () => void } {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const cleanups: (() => void)[] = [];
  const cutOffs: Promise<never>[] = [];
  const { signal, timeoutMs } = options;
  if (signal) {
    cutOffs.push(
      new Promise<never>((_, reject) => {
        const onAbort = () =>
          timers.push(
            setTimeout(() => {
              reject(
                signal.reason instanceof Error
                  ? signal.reason
                  : new DOMException('Aborted', 'AbortError'),
              );
              end(new WorkerRestartedError('the worker was stopped because a task was cancelled'));
            }, ABORT_GRACE_MS),
          );
        if (signal.aborted) onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', onAbort));
      }),
    );
  }
  if (timeoutMs !== undefined) {
    const onTimeout = options.onTimeout ?? (() => new Error(`timed out after ${timeoutMs} ms`));
    cutOffs.push(
      new Promise<never>((_, reject) =>
        timers.push(
          setTimeout(() => {
            reject(onTimeout());
            end(new WorkerRestartedError('the worker was stopped because a task took too long'));
          }, timeoutMs),
        ),
      ),
    );
  }
  return {
    cutOffs,
    clear: () => {
      timers.forEach(clearTimeout);
      cleanups.forEach((cleanup) => cleanup());
    },
  };
}

/** Runs work on a bridge's worker; `release()` ends the worker now if no call is running. */
export type WorkerCall<Api> = (<T>(
  work: (api: Remote<Api>) => Promise<T>,
  options?: CallOptions,
) => Promise<T>) & { release: () => void };

/**
 * A bridge to one worker: started on first use, shared by concurrent calls, terminated once it
 * has been idle for `idleMs` (its models and buffers go with it). A worker whose model failed to
 * load is replaced as soon as its calls end: transformers.js 4.3 chains every session creation on
 * one promise, so after one rejected load every later load in that worker rejects too.
 * A worker that fails to start, a cancelled call that doesn't stop within ABORT_GRACE_MS, and a
 * call past its `timeoutMs` end the worker: its calls reject instead of hanging, and the next
 * call starts a fresh one. Only the bridges in this folder use it; callers get plain functions.
 */
export function workerBridge<Api>(
  start: () => WorkerLike,
  { idleMs = IDLE_TERMINATE_MS, name = 'background' }: { idleMs?: number; name?: string } = {},
): WorkerCall<Api> {
  let instance: Instance<Api> | undefined;
  let inFlight = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let poisoned = false;
  const kill = (target: Instance<Api>, error: Error) => {
    target.end(error);
    target.worker.terminate();
    if (instance === target) instance = undefined;
  };
  const call = async <T>(work: (api: Remote<Api>) => Promise<T>, options: CallOptions = {}) => {
    clearTimeout(idleTimer);
    inFlight++;
    const current = (instance ??= startInstance<Api>(start, name));
    const watch = watchCall(options, (error) => kill(current, error));
    try {
      return await Promise.race([work(current.remote), current.ended, ...watch.cutOffs]);
    } catch (error) {
      if (error instanceof ModelLoadError || error instanceof WorkerFailedError) poisoned = true;
      throw error;
    } finally {
      watch.clear();
      if (--inFlight === 0) {
        const idle = instance;
        if (poisoned) {
          poisoned = false;
          if (idle) kill(idle, new WorkerRestartedError('the worker was replaced'));
        } else if (idle) {
          idleTimer = setTimeout(() => kill(idle, new WorkerRestartedError('idle')), idleMs);
        }
      }
    }
  };
  const release = () => {
    if (inFlight > 0 || !instance) return;
    clearTimeout(idleTimer);
    kill(instance, new WorkerRestartedError('released'));
  };
  return Object.assign(call, { release });
}
