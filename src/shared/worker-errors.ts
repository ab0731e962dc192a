/**
 * Errors a worker throws that the main thread acts on by class. They cross the comlink boundary
 * as themselves (transfer-handlers.ts rebuilds them), so callers use `instanceof`.
 */

/** A model that could not be downloaded or loaded; its message says what to do. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

/** The classes above by name, for the transfer handler. */
export const WORKER_ERRORS: Record<string, new (message: string) => Error> = { ModelLoadError };
