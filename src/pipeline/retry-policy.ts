import { errorMessage } from '../shared/error-message';

/** Attempts per stage run when failures look transient (the first try included). */
export const MAX_ATTEMPTS = 3;

/** Wait before attempt `n` (2, 3…): 2 s, then 8 s. */
export function backoffMs(attempt: number): number {
  return 2000 * 4 ** (attempt - 2);
}

/**
 * Failures worth trying again on their own: the network dropped, a server was briefly down or
 * throttling. A missing or corrupt file, a full disk or a bad video fail the same way every time.
 */
export function isTransient(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'AbortError') return false;
  // Its worker was terminated for another call's sake (a cancel or timeout there).
  if (name === 'WorkerRestartedError') return true;
  const message = errorMessage(error);
  return /Failed to fetch|NetworkError|network error|Could not download|HTTP (408|429|5\d\d)/i.test(
    message,
  );
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
