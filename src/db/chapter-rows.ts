import { db as defaultDb } from './connection';
import type { BriDatabase, ChapterRecord } from './schema';
import { validateRecord } from './validate-rows';
import { videoRows } from './video-rows';

/** A video's chapters in order (empty until "Make chapters" has run). */
export function listChapters(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<ChapterRecord[]> {
  return videoRows(database.chapters, '[videoId+index]', videoId);
}

/** Replaces a video's chapters with these, in one transaction (all checked first). */
export async function saveChapters(
  videoId: string,
  chapters: readonly Omit<ChapterRecord, 'videoId' | 'index'>[],
  database: BriDatabase = defaultDb,
): Promise<ChapterRecord[]> {
  const rows = chapters.map((chapter, index) => ({ ...chapter, videoId, index }));
  rows.forEach((row) => validateRecord('chapters', row));
  await database.transaction('rw', database.chapters, async () => {
    await database.chapters.where('videoId').equals(videoId).delete();
    await database.chapters.bulkAdd(rows);
  });
  return rows;
}
