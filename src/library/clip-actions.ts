import type { VideoRecord } from '../db';
import { errorMessage } from '../shared/error-message';
import { saveBlob } from '../storage/save-blob';
import { patchClipJob, useClipStore } from '../store/clip-store';
import {
  clipFileName,
  exportClip,
  exportHighlights,
  momentRange,
  rangeLabel,
} from './exports/clips';

let controller: AbortController | null = null;

/** Cancels the clip being cut; its job goes without a download. */
export function cancelClip(): void {
  controller?.abort(new DOMException('The clip was cancelled', 'AbortError'));
}

export function dismissClip(): void {
  useClipStore.setState({ job: null });
}

async function runClip(label: string, cut: (signal: AbortSignal) => Promise<Blob>, name: string) {
  cancelClip();
  const own = new AbortController();
  controller = own;
  useClipStore.setState({ job: { label, state: 'running', fraction: 0, message: null } });
  try {
    const blob = await cut(own.signal);
    saveBlob(blob, clipFileName(name, label, blob.type));
    patchClipJob({
      state: 'done',
      fraction: 1,
      message: `Saved ${(blob.size / 1e6).toFixed(1)} MB`,
    });
  } catch (error) {
    if (own.signal.aborted) {
      if (controller === own) dismissClip();
      return;
    }
    patchClipJob({ state: 'failed', message: `Couldn't save the clip: ${errorMessage(error)}` });
  } finally {
    if (controller === own) controller = null;
  }
}

const progress = (fraction: number) => patchClipJob({ fraction });

/** Saves a clip of [start, end] with the person's context either side (a citation, a block). */
export function saveMomentClip(video: VideoRecord, start: number, end: number): Promise<void> {
  const range = momentRange(start, end, useClipStore.getState().context, video.duration);
  return runClip(
    rangeLabel(range.start, range.end),
    (signal) => exportClip(video.id, range.start, range.end, { signal, onProgress: progress }),
    video.name,
  );
}

/** Saves the moments an answer cites as one clip, in time order, each with context. */
export function saveHighlights(video: VideoRecord, times: readonly number[]): Promise<void> {
  const context = useClipStore.getState().context;
  const ranges = times.map((t) => momentRange(t, t, context, video.duration));
  return runClip(
    `highlights (${times.length})`,
    async (signal) =>
      (await exportHighlights(video.id, ranges, { signal, onProgress: progress })).blob,
    video.name,
  );
}
