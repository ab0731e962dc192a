import type { VideoRecord } from './video-types';

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
}

declare global {
  interface Window {
    bri: BriApi;
  }
}
