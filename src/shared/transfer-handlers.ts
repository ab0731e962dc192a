import { transferHandlers, type TransferHandler } from 'comlink';
import { WORKER_ERRORS } from './worker-errors';

/**
 * Lets an AbortSignal cross a comlink boundary: the signal becomes a MessagePort that carries
 * the abort, and the worker side gets a real AbortSignal back. Call `registerTransferHandlers()`
 * once on each side (main thread and worker).
 */
const abortSignalHandler: TransferHandler<AbortSignal, MessagePort> = {
  canHandle: (value): value is AbortSignal => value instanceof AbortSignal,
  serialize(signal) {
    const { port1, port2 } = new MessageChannel();
    const send = () => {
      port1.postMessage(String(signal.reason ?? 'aborted'));
      port1.close();
    };
    if (signal.aborted) send();
    else signal.addEventListener('abort', send, { once: true });
    return [port2, [port2]];
  },
  deserialize(port) {
    const controller = new AbortController();
    port.onmessage = (event: MessageEvent<string>) => {
      controller.abort(new DOMException(event.data, 'AbortError'));
      port.close();
    };
    return controller.signal;
  },
};

/** A thrown error as the class it was thrown as, when it is one of WORKER_ERRORS. */
function restoreClass(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { name, message, stack } = error;
  const Class = WORKER_ERRORS[name];
  if (!Class || error instanceof Class) return error;
  return Object.assign(new Class(message), { stack });
}

/**
 * comlink's own `throw` handler sends an error's name, message and stack and rebuilds a plain
 * Error; this one rebuilds the classes the main thread tells apart (WORKER_ERRORS).
 */
function keepErrorClasses(): void {
  const plain = transferHandlers.get('throw');
  if (!plain || (plain as { keepsClasses?: boolean }).keepsClasses) return;
  const handler: TransferHandler<unknown, unknown> & { keepsClasses: true } = {
    keepsClasses: true,
    canHandle: (value: unknown): value is unknown => plain.canHandle(value),
    serialize: (value: unknown) => plain.serialize(value),
    deserialize: (serialized: unknown) => {
      try {
        return plain.deserialize(serialized);
      } catch (error) {
        throw restoreClass(error);
      }
    },
  };
  transferHandlers.set('throw', handler);
}

/**
 * Call once on each side (main thread and worker): AbortSignals cross as signals, and the
 * workers' errors keep their classes.
 */
export function registerTransferHandlers(): void {
  transferHandlers.set('abortSignal', abortSignalHandler as TransferHandler<unknown, unknown>);
  keepErrorClasses();
}
