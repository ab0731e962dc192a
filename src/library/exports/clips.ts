import { cutClip, joinClips, type HighlightPart } from '../../bridges/clip';
import { getVideo, db as defaultDb, type BriDatabase, type VideoRecord } from '../../db';
import { openVideoFile } from '../../storage/video-files';

/**
 * The longest clip: a clip is built in memory before it is saved (the source never is), so this
 * bounds what a cut can hold — 30 min of a phone's 1080p is about 400 MB.
 */
export const MAX_CLIP_SECONDS = 30 * 60;

/** A range that can't be cut: outside the video, empty, or longer than MAX_CLIP_SECONDS. */
export class ClipRangeError extends Error {
  override name = 'ClipRangeError';
}

/** The file can't be cut in the browser (AVI and other containers mediabunny can't read). */
export class ClipUnsupportedError extends Error {
  override name = 'ClipUnsupportedError';
}

/** Containers mediabunny reads and writes clips of; the rest decode through ffmpeg.wasm only. */
const CUTTABLE = new Set(['mp4', 'mov', 'webm', 'mkv', 'ts']);

export interface ClipOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** A moment with context either side, kept inside the video. */
export function momentRange(
  start: number,
  end: number,
  context: number,
  duration: number,
): { start: number; end: number } {
  return { start: Math.max(0, start - context), end: Math.min(duration, end + context) };
}

/** Ranges in time order, overlapping or touching ones merged. */
export function mergeRanges(
  ranges: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function checkRange(video: VideoRecord, range: { start: number; end: number }): void {
  const { start, end } = range;
  if (!Number.isFinite(start) || !Number.isFinite(end))
    throw new ClipRangeError(`A clip needs a start and an end in seconds (asked ${start}–${end}).`);
  if (start < 0 || start >= video.duration)
    throw new ClipRangeError(
      `${start.toFixed(1)} s is outside the video (0–${video.duration.toFixed(1)} s).`,
    );
  if (end <= start)
    throw new ClipRangeError(`A clip needs an end after its start (asked ${start}–${end} s).`);
  if (end - start > MAX_CLIP_SECONDS)
    throw new ClipRangeError(`A clip can be at most ${MAX_CLIP_SECONDS / 60} minutes long.`);
}

async function sourceOf(videoId: string, database: BriDatabase) {
  const video = await getVideo(videoId, database);
  if (!video) throw new Error(`No video with id ${videoId}`);
  if (!CUTTABLE.has(video.container))
    throw new ClipUnsupportedError(
      `Clips can't be cut from ${video.container.toUpperCase()} files in the browser yet: convert it to MP4 (e.g. with HandBrake) and import that.`,
    );
  return { video, file: await openVideoFile(video.id, video.storage) };
}

/**
 * [start, end) seconds of a video as a clip Blob (MP4, WebM for WebM sources), cut in the clip
 * worker from the stored file without reading it whole.
 */
export async function exportClip(
  videoId: string,
  start: number,
  end: number,
  { signal = new AbortController().signal, onProgress = () => {} }: ClipOptions = {},
  database: BriDatabase = defaultDb,
): Promise<Blob> {
  const { video, file } = await sourceOf(videoId, database);
  const range = { start, end: Math.min(end, video.duration) };
  checkRange(video, range);
  const clip = await cutClip(signal, file, video.container, range, onProgress);
  return new Blob([clip.blob], { type: clip.mimeType });
}

/**
 * The given ranges of a video joined into one clip, in time order (overlaps merged); each part
 * starts at the key frame at or before its start. Resolves with the Blob and what each part holds.
 */
export async function exportHighlights(
  videoId: string,
  ranges: readonly { start: number; end: number }[],
  { signal = new AbortController().signal, onProgress = () => {} }: ClipOptions = {},
  database: BriDatabase = defaultDb,
): Promise<{ blob: Blob; parts: HighlightPart[] }> {
  const { video, file } = await sourceOf(videoId, database);
  const merged = mergeRanges(
    ranges.map((r) => ({ start: r.start, end: Math.min(r.end, video.duration) })),
  );
  if (merged.length === 0) throw new ClipRangeError('There are no moments to join.');
  for (const range of merged) checkRange(video, range);
  const total = merged.reduce((sum, r) => sum + r.end - r.start, 0);
  if (total > MAX_CLIP_SECONDS)
    throw new ClipRangeError(`A clip can be at most ${MAX_CLIP_SECONDS / 60} minutes long.`);
  const joined = await joinClips(signal, file, video.container, merged, onProgress);
  return { blob: new Blob([joined.blob], { type: joined.mimeType }), parts: joined.parts };
}

const stamp = (t: number) => {
  const s = Math.floor(t);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}m${String(s % 60).padStart(2, '0')}s`;
};

/** `lecture.mp4`, 18–24 s → `lecture 00m18s-00m24s.mp4`: the name a saved clip gets. */
export function clipFileName(videoName: string, label: string, type: string): string {
  const base = videoName.replace(/\.[^.]+$/, '') || 'video';
  return `${base} ${label}.${type === 'video/webm' ? 'webm' : 'mp4'}`;
}

/** A clip's label for its file name: its range, e.g. `00m18s-00m24s`. */
export function rangeLabel(start: number, end: number): string {
  return `${stamp(start)}-${stamp(end)}`;
}
