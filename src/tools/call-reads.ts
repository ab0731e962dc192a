import type { ToolContext } from './tool';

/** The reads of each call in flight, by the context object made for it. */
const calls = new WeakMap<ToolContext, Map<string, Promise<unknown>>>();

/**
 * A context for one tool call: what its parts read through `readOnce` (the videos in scope, their
 * index versions) is read once and shared — by the result cache's check and the tool, and by the
 * searches `search_library` runs — instead of once per part. It ends with the call: a context
 * not made here reads afresh every time.
 */
export function forOneCall(context: ToolContext): ToolContext {
  const call = { ...context };
  calls.set(call, new Map());
  return call;
}

/** `read()`, once per call for the same `key` (see `forOneCall`). */
export function readOnce<T>(context: ToolContext, key: string, read: () => Promise<T>): Promise<T> {
  const reads = calls.get(context);
  if (!reads) return read();
  let pending = reads.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    reads.set(key, pending);
  }
  return pending;
}
