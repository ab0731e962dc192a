import type { BriDatabase } from './schema';
import { VIDEO_OWNED_TABLES, type PosterRecord, type VideoRecord } from './schema';

export type { FileStorage, PosterRecord, VideoRecord } from './schema';
export { BriDatabase } from './schema';

import { db } from './connection';
import { LIBRARY_SCOPE } from './tool-results';
export { onUpgradedElsewhere } from './connection';
import { validateRecord } from './validate-rows';

export { db };

/** Every video, newest first. */
export function listVideos(database: BriDatabase = db): Promise<VideoRecord[]> {
  return database.videos.orderBy('createdAt').reverse().toArray();
}

export function getVideo(id: string, database: BriDatabase = db): Promise<VideoRecord | undefined> {
  return database.videos.get(id);
}

export function getPoster(
  videoId: string,
  database: BriDatabase = db,
): Promise<PosterRecord | undefined> {
  return database.posters.get(videoId);
}

/** Adds a video with its poster (and its bytes, for the IndexedDB fallback) in one transaction. */
export async function addVideo(
  video: VideoRecord,
  poster: PosterRecord,
  fileBlob: Blob | null,
  database: BriDatabase = db,
): Promise<void> {
  validateRecord('videos', video);
  validateRecord('posters', poster);
  await database.transaction(
    'rw',
    [database.videos, database.posters, database.videoBlobs],
    async () => {
      await database.videos.add(video);
      await database.posters.put(poster);
      if (fileBlob) await database.videoBlobs.put({ videoId: video.id, blob: fileBlob });
    },
  );
}

/** The IndexedDB copy of a video's bytes (browsers without OPFS). */
export async function getVideoBlob(
  videoId: string,
  database: BriDatabase = db,
): Promise<Blob | undefined> {
  return (await database.videoBlobs.get(videoId))?.blob;
}

/**
 * Removes a video and every row that names or quotes it, in one transaction: the rows it owns,
 * the library-wide cached tool results (they may cover it), and the library chat's turns that
 * cite it or name it (by id or file name). Returns false if it wasn't there.
 */
export async function deleteVideoRows(
  videoId: string,
  database: BriDatabase = db,
): Promise<boolean> {
  const tables = [database.videos, ...VIDEO_OWNED_TABLES.map((name) => database.table(name))];
  return database.transaction('rw', tables, async () => {
    const video = await database.videos.get(videoId);
    await database.videos.delete(videoId);
    for (const name of VIDEO_OWNED_TABLES) {
      await database.table(name).where('videoId').equals(videoId).delete();
    }
    await database.toolResults.where('videoId').equals(LIBRARY_SCOPE).delete();
    // As JSON writes them (a name with quotes is escaped in the turn), standing alone.
    const named = [videoId, ...(video ? [video.name] : [])].map((name) => {
      const escaped = JSON.stringify(name)
        .slice(1, -1)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`);
    });
    await database.chatTurns
      .where('videoId')
      .equals(LIBRARY_SCOPE)
      .filter((turn) => named.some((pattern) => pattern.test(JSON.stringify(turn))))
      .delete();
    return !!video;
  });
}

/** Ids of every stored video, for orphan cleanup. */
export async function listVideoIds(database: BriDatabase = db): Promise<Set<string>> {
  return new Set((await database.videos.toCollection().primaryKeys()) as string[]);
}

export type {
  DetectionRecord,
  FrameRecord,
  ObjectTrackRecord,
  OnScreenTextRecord,
  TextRangeRecord,
  TranscriptSegmentRecord,
  TranscriptChunkRecord,
  ToolResultRecord,
  ChatTurnRecord,
  ChapterRecord,
  TranslationRecord,
  CaptionRecord,
  EmbeddingRecord,
  EmbeddingSource,
  SceneRecord,
  SpeechRegionRecord,
  SpeakersRecord,
  StageName,
  StageRecord,
  StageState,
} from './schema';
export * from './media-index';
export * from './window-reads';
export * from './span-rows';
export * from './tool-results';
export * from './video-backup';
export * from './chat-turns';
export * from './chapter-rows';
export * from './translation-rows';
export * from './live-reads';
export { PLAIN_ID, VIDEO_RECORD } from './record-schemas';
export { InvalidVideoNameError, renameVideo } from './rename-video';
export { InvalidRowError } from './validate-rows';
export * from './speaker-rows';
