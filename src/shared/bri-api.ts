import type { Lineage } from './lineage';
import type { VideoRecord } from './video-types';

/** One processing stage of a video, as `bri.status` reports it. */
export interface StageStatus {
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'skipped' | 'not-started';
  /** 0–1. */
  progress: number;
  /** Why it was skipped or failed, in plain words. */
  detail: string | null;
  stats: Record<string, number>;
}

/** What the media stages stored for a video (frame images left out; fetch them with `frameAt`). */
export interface MediaIndex {
  frames: {
    t: number;
    width: number;
    height: number;
    sceneIndex: number;
    reason: 'scene' | 'interval';
    lineage: Lineage;
  }[];
  scenes: { index: number; start: number; end: number }[];
  speechRegions: { start: number; end: number }[];
}

/**
 * `window.bri` — the automation API for power users and tests. Every call goes through the same
 * code as the UI, so what it does is what a person sees.
 */
export interface BriApi {
  /** The app's version (package.json). */
  readonly version: string;
  /**
   * Imports a video (validated, stored in OPFS, added to the library) and resolves with its id.
   * Rejects with a named error (`EmptyFileError`, `NotAVideoError`, `TruncatedVideoError`,
   * `UndecodableVideoError`, `StorageFullError`) whose message is the one the UI shows.
   */
  importVideo(file: File | Blob, name?: string): Promise<string>;
  /** Every video, newest first. */
  listVideos(): Promise<VideoRecord[]>;
  getVideo(id: string): Promise<VideoRecord | null>;
  /** Deletes the video, its file and every row that belongs to it. Resolves false if it didn't exist. */
  deleteVideo(id: string): Promise<boolean>;
  /** Per-stage processing state: `frames` (frames + scenes) and `speech` (audio + speech regions). */
  status(
    videoId: string,
  ): Promise<{ videoId: string; stages: Record<'frames' | 'speech', StageStatus> }>;
  /** Changes settings kept in this browser; resolves with all of them. */
  configure(options: { autoAnalyse?: boolean }): Promise<{ autoAnalyse: boolean }>;
  /**
   * (Re-)runs the media stages (all, or `options.stages`); resolves when they have ended (done,
   * skipped, failed or cancelled).
   */
  analyse(videoId: string, options?: { stages?: ('frames' | 'speech')[] }): Promise<void>;
  /** Cancels the media stages; their partial rows are removed. */
  cancelAnalysis(videoId: string): Promise<void>;
  /** Stored frames (times, sizes, lineage), scenes and speech regions. */
  getIndex(videoId: string): Promise<MediaIndex>;
  /** The frame at `t` seconds at full resolution (WebP), with its exact presentation time. */
  frameAt(
    videoId: string,
    t: number,
  ): Promise<{ blob: Blob; t: number; width: number; height: number }>;
  /** Benchmark baseline (`npm run bench`): ffmpeg.wasm extracting 1 fps from the whole file in memory. */
  benchmarkNaiveFrames(videoId: string): Promise<{ frames: number; seconds: number }>;
}

declare global {
  interface Window {
    bri: BriApi;
  }
}
