import { Dexie, type EntityTable } from 'dexie';
import type { VideoRecord } from '../shared/video-types';

export type { FileStorage, VideoRecord } from '../shared/video-types';

/**
 * `posters` — the WebP poster of each video, kept apart from `videos` so listing the library
 * doesn't pull every image into memory. Keyed by `videoId`.
 */
export interface PosterRecord {
  videoId: string;
  blob: Blob;
  width: number;
  height: number;
  /** Video time the poster shows, seconds. */
  t: number;
}

/**
 * `videoBlobs` — the video file itself, only for browsers without OPFS. Keyed by `videoId`.
 * Browsers store IndexedDB Blobs on disk, so this doesn't hold the file in memory either.
 */
export interface VideoBlobRecord {
  videoId: string;
  blob: Blob;
}

export class BriDatabase extends Dexie {
  videos!: EntityTable<VideoRecord, 'id'>;
  posters!: EntityTable<PosterRecord, 'videoId'>;
  videoBlobs!: EntityTable<VideoBlobRecord, 'videoId'>;

  constructor(name = 'bri') {
    super(name);
    // Never edit a version once shipped: add db.version(n + 1) with the change.
    this.version(1).stores({
      videos: 'id, createdAt, name',
      posters: 'videoId',
      videoBlobs: 'videoId',
    });
  }
}

/** Tables whose rows belong to one video (keyed or indexed by `videoId`); deleting a video clears them all. */
export const VIDEO_OWNED_TABLES = ['posters', 'videoBlobs'] as const;
