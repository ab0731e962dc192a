import type { BriDatabase } from './schema';
import { db } from './connection';
import { validateRecord } from './validate-rows';

/** A name a person gave that BRI can't keep (empty, or past the stored limit). */
export class InvalidVideoNameError extends Error {
  override name = 'InvalidVideoNameError';
}

/**
 * Renames a video: its stored name, which the card, exports, backups and the chat all read.
 * Whitespace around the name is dropped; resolves false if the video is gone.
 */
export async function renameVideo(
  id: string,
  name: string,
  database: BriDatabase = db,
): Promise<boolean> {
  const trimmed = name.trim();
  if (!trimmed) throw new InvalidVideoNameError('A video needs a name: type one, or press Cancel.');
  if (trimmed.length > 1024)
    throw new InvalidVideoNameError('That name is too long: keep it under 1,024 characters.');
  return database.transaction('rw', database.videos, async () => {
    const video = await database.videos.get(id);
    if (!video) return false;
    const renamed = { ...video, name: trimmed };
    validateRecord('videos', renamed);
    await database.videos.put(renamed);
    return true;
  });
}
