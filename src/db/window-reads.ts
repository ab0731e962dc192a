import { db as defaultDb } from './connection';
import type {
  BriDatabase,
  CaptionRecord,
  DetectionRecord,
  FrameRecord,
  OnScreenTextRecord,
  TranscriptSegmentRecord,
} from './schema';

/** A span of video time, seconds. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Whisper chunks are ≤ 30 s, so no segment starts more than this before a moment it covers. */
const LONGEST_SEGMENT_S = 30;

/** Transcript segments overlapping `window`, in time order (reads only that stretch of the index). */
export async function listTranscriptIn(
  videoId: string,
  window: TimeWindow,
  database: BriDatabase = defaultDb,
): Promise<TranscriptSegmentRecord[]> {
  const rows = await database.transcriptSegments
    .where('[videoId+start]')
    .between([videoId, window.start - LONGEST_SEGMENT_S], [videoId, window.end], true, true)
    .toArray();
  return rows.filter((row) => row.end >= window.start);
}

/** Per-frame rows of a table with key [videoId+t] whose frame time lies in `window`. */
function framesIn<Row>(
  table: 'captions' | 'detections' | 'onScreenText' | 'frames',
  videoId: string,
  window: TimeWindow,
  database: BriDatabase,
): Promise<Row[]> {
  return database
    .table<Row>(table)
    .where('[videoId+t]')
    .between([videoId, window.start], [videoId, window.end], true, true)
    .toArray();
}

export function listCaptionsIn(
  videoId: string,
  window: TimeWindow,
  database: BriDatabase = defaultDb,
): Promise<CaptionRecord[]> {
  return framesIn('captions', videoId, window, database);
}

export function listDetectionsIn(
  videoId: string,
  window: TimeWindow,
  database: BriDatabase = defaultDb,
): Promise<DetectionRecord[]> {
  return framesIn('detections', videoId, window, database);
}

export function listOnScreenTextIn(
  videoId: string,
  window: TimeWindow,
  database: BriDatabase = defaultDb,
): Promise<OnScreenTextRecord[]> {
  return framesIn('onScreenText', videoId, window, database);
}

/** Stored frames whose time lies in `window`, in time order. */
export function listFramesIn(
  videoId: string,
  window: TimeWindow,
  database: BriDatabase = defaultDb,
): Promise<FrameRecord[]> {
  return framesIn('frames', videoId, window, database);
}

/** The stored frame at exactly `t`, if any. */
export function getFrame(
  videoId: string,
  t: number,
  database: BriDatabase = defaultDb,
): Promise<FrameRecord | undefined> {
  return database.frames.get([videoId, t]);
}

/** The stored frame closest to `t` (one key lookup each side, no scan). */
export async function nearestFrame(
  videoId: string,
  t: number,
  database: BriDatabase = defaultDb,
): Promise<FrameRecord | undefined> {
  const [after, before] = await Promise.all([
    database.frames.where('[videoId+t]').between([videoId, t], [videoId, Infinity]).first(),
    database.frames.where('[videoId+t]').between([videoId, -Infinity], [videoId, t]).last(),
  ]);
  if (!after || !before) return after ?? before;
  return after.t - t < t - before.t ? after : before;
}

/** Times of a video's stored frames, in order (keys only: no images are read). */
export async function listFrameTimes(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<number[]> {
  const keys = await database.frames
    .where('[videoId+t]')
    .between([videoId, -Infinity], [videoId, Infinity])
    .primaryKeys();
  return keys.map(([, t]) => t);
}
