/** The Web Lock every restore holds, in every tab of this origin. */
const RESTORE_LOCK = 'bri-restore';

/** Where Web Locks are missing (Node in unit tests, old browsers): one restore at a time per tab. */
let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs `restore` holding the restore lock: other restores, in this tab or another, wait their
 * turn. A restore cancelled while waiting never starts.
 */
export function withRestoreLock<T>(signal: AbortSignal, restore: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request(RESTORE_LOCK, { signal }, restore);
  }
  const run = chain.then(() => {
    signal.throwIfAborted();
    return restore();
  });
  chain = run.catch(() => undefined);
  return run;
}
