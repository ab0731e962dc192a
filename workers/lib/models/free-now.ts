/**
 * Gives `bytes`' memory back now instead of at the next garbage collection, which in a worker
 * busy in wasm can be half a minute away (a real-size captioner's model bytes lingered beside
 * its first batches). The buffer is transferred into a message to a port
 * that is already closed: the transfer detaches it here and the undeliverable message drops it.
 * Only a buffer `bytes` covers whole is freed (a view into a larger one is left alone); `bytes`
 * reads as empty afterwards.
 */
export function freeNow(bytes: Uint8Array): void {
  const { buffer } = bytes;
  if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0) return;
  if (bytes.byteLength !== buffer.byteLength) return;
  const { port1, port2 } = new MessageChannel();
  port2.close();
  port1.postMessage(null, [buffer]);
  port1.close();
}
