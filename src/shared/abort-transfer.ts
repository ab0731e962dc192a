import { transferHandlers, type TransferHandler } from 'comlink';

/**
 * Lets an AbortSignal cross a comlink boundary: the signal becomes a MessagePort that carries
 * the abort, and the worker side gets a real AbortSignal back. Call `registerAbortTransfer()`
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

export function registerAbortTransfer(): void {
  transferHandlers.set('abortSignal', abortSignalHandler as TransferHandler<unknown, unknown>);
}
