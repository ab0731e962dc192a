import { stopAnswersAbout } from '../agent/answers-running';
import { deleteVideoRows, getVideo, listVideoIds } from '../db';
import { cancelAnalysis } from '../pipeline/analysis-queue';
import { listOrphanFiles, removeVideoFile } from '../storage/video-files';
import { refreshLibrary, refreshStorage } from './library-refresh';

/** An interrupted import's file is only cleaned up once it is this old (another tab may own it). */
const ORPHAN_MIN_AGE_MS = 10 * 60_000;

/** Deletes a video's rows (one transaction), then its file. Resolves false if it didn't exist. */
export async function deleteVideo(id: string): Promise<boolean> {
  // Stop its analysis and the answers being written about it (with the span they analyse first),
  // so no late row is written after the rows are gone.
  await Promise.all([cancelAnalysis(id), stopAnswersAbout(id)]);
  const video = await getVideo(id);
  const existed = await deleteVideoRows(id);
  // Rows go first: if the tab closes in between, the leftover file is an orphan cleaned at start.
  if (video) await removeVideoFile(id, video.storage);
  await Promise.all([refreshLibrary(), refreshStorage()]);
  return existed;
}

/** Removes files that no video row points to (left by an interrupted import or delete). */
export async function cleanUpOrphanFiles(): Promise<number> {
  const orphans = await listOrphanFiles(await listVideoIds(), ORPHAN_MIN_AGE_MS);
  await Promise.all(orphans.map((id) => removeVideoFile(id, 'opfs')));
  return orphans.length;
}
