import { deleteVideoRows } from '../db';

/**
 * The answers being written now in this tab, per video, so deleting a video can stop them and
 * wait until they have settled: an answer (and the span it analyses first) writes nothing after
 * its video is gone. A deletion in another tab reaches this one on a BroadcastChannel: its
 * answers about the video stop, and once they have settled whatever they wrote meanwhile goes.
 */
const running = new Map<string, Set<{ controller: AbortController; done: Promise<unknown> }>>();

/** Why an answer stopped when its video was deleted. */
const VIDEO_DELETED = () => new DOMException('The video was deleted', 'AbortError');

/**
 * Runs `work` as an answer about `videoId` (null: the library chat): its signal also aborts when
 * the video is deleted.
 */
export function runAnswer<T>(
  videoId: string | null,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (videoId === null) return work(signal ?? new AbortController().signal);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const done = work(controller.signal);
  const entry = { controller, done };
  const set = running.get(videoId) ?? new Set();
  set.add(entry);
  running.set(videoId, set);
  void done
    .catch(() => undefined)
    .finally(() => {
      signal?.removeEventListener('abort', onAbort);
      set.delete(entry);
      if (set.size === 0) running.delete(videoId);
    });
  return done;
}

/** Stops this tab's answers about `videoId`; resolves with how many, once each has settled. */
async function stopHere(videoId: string): Promise<number> {
  const entries = [...(running.get(videoId) ?? [])];
  for (const { controller } of entries) controller.abort(VIDEO_DELETED());
  await Promise.all(entries.map(({ done }) => done.catch(() => undefined)));
  return entries.length;
}

const CHANNEL = 'bri-video-deletions';
let channel: BroadcastChannel | null = null;

/** Listens for deletions made in other tabs (once per tab; none where BroadcastChannel is missing). */
function deletionChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel !== 'function') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<{ deleting?: string }>) => {
    const id = event.data.deleting;
    if (typeof id !== 'string') return;
    void stopHere(id).then((stopped) => (stopped > 0 ? deleteVideoRows(id) : false));
  };
  return channel;
}

/**
 * Stops every answer about `videoId` — in this tab, waiting until each has settled, and in the
 * others, which remove what theirs wrote once they settle.
 */
export async function stopAnswersAbout(videoId: string): Promise<void> {
  deletionChannel()?.postMessage({ deleting: videoId });
  await stopHere(videoId);
}

/** Starts listening for other tabs' deletions (the app calls it once at start). */
export function listenForDeletions(): void {
  deletionChannel();
}
